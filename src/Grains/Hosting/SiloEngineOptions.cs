using System.ComponentModel.DataAnnotations;

namespace TorrentCluster.Grains.Hosting;

/// <summary>
/// The silo's BitTorrent engine, bound from <c>TorrentCluster:Engine</c>. One engine (one libtorrent session,
/// one listen port) serves every torrent active on the silo.
/// </summary>
public sealed class SiloEngineOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "TorrentCluster:Engine";

    /// <summary>Address the BitTorrent port listens on; 0.0.0.0 for every IPv4 interface.</summary>
    [Required]
    public string ListenAddress { get; set; } = "0.0.0.0";

    /// <summary>BitTorrent TCP/UDP port; 0 lets the operating system choose (tests).</summary>
    [Range(0, 65535)]
    public int ListenPort { get; set; } = 6881;

    /// <summary>Where resume data lives, and below it the default storage root (<see cref="DownloadsPath"/>).</summary>
    [Required]
    public string DataPath { get; set; } = "data";

    /// <summary>The mainline DHT, for trackerless peers. Off on loopback tests.</summary>
    public bool EnableDht { get; set; } = true;

    /// <summary>Local service discovery (multicast on the LAN).</summary>
    public bool EnableLsd { get; set; } = true;

    /// <summary>UPnP and NAT-PMP port mapping on home routers; rarely wanted in a data centre.</summary>
    public bool EnablePortMapping { get; set; }

    /// <summary>uTP besides TCP: peers may connect to the silo over uTP. Good on the internet; very slow over loopback.</summary>
    public bool EnableUtp { get; set; } = true;

    /// <summary>
    /// Dial peers over uTP first, falling back to TCP after the uTP handshake times out. Off by default: a farm
    /// dials over TCP and pays no wait for peers that refuse uTP (docs/engine.md, "Connection defaults").
    /// </summary>
    public bool ConnectOverUtp { get; set; }

    /// <summary>How long a uTP dial waits for its first answer (doubled per resend); only with <see cref="ConnectOverUtp"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan UtpConnectTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Lets several peers share one IP address (needed when they all run on 127.0.0.1).</summary>
    public bool AllowMultipleConnectionsPerIp { get; set; }

    /// <summary>Silo-wide upload limit in bytes per second, 0 for none.</summary>
    [Range(0, int.MaxValue)]
    public int UploadRateLimit { get; set; }

    /// <summary>Silo-wide download limit in bytes per second, 0 for none.</summary>
    [Range(0, int.MaxValue)]
    public int DownloadRateLimit { get; set; }

    /// <summary>Peer connections across all torrents of the silo.</summary>
    [Range(1, 1_000_000)]
    public int ConnectionsLimit { get; set; } = 500;

    /// <summary>How often torrents whose state changed get their resume data written, so a crash loses little.</summary>
    public TimeSpan ResumeDataInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Raw libtorrent settings by their libtorrent names, applied last.</summary>
    public Dictionary<string, string> Settings { get; set; } = [];

    /// <summary>The resume data folder.</summary>
    public string ResumePath => Path.Combine(Path.GetFullPath(DataPath), "resume");

    /// <summary>The storage root when <see cref="StorageOptions.AllowedRoots"/> names none: torrents without a save path go here.</summary>
    public string DownloadsPath => Path.Combine(Path.GetFullPath(DataPath), "downloads");
}
