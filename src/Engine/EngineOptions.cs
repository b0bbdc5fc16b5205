namespace TorrentCluster.Engine;

/// <summary>
/// Settings of one engine session. Each property maps to libtorrent settings (see <c>SettingsMapper</c>);
/// <see cref="Settings"/> holds raw libtorrent settings by name, applied last.
/// </summary>
public sealed class EngineOptions
{
    /// <summary>libtorrent's <c>listen_interfaces</c>: comma-separated <c>address:port</c>; port 0 lets the OS choose.</summary>
    public string ListenInterfaces { get; set; } = "0.0.0.0:6881,[::]:6881";

    /// <summary>The mainline DHT.</summary>
    public bool EnableDht { get; set; } = true;

    /// <summary>Local service discovery.</summary>
    public bool EnableLsd { get; set; } = true;

    /// <summary>UPnP port mapping.</summary>
    public bool EnableUpnp { get; set; } = true;

    /// <summary>NAT-PMP port mapping.</summary>
    public bool EnableNatPmp { get; set; } = true;

    /// <summary>
    /// uTP at all: peers may connect to us over uTP, and <see cref="ConnectOverUtp"/> may dial over it. Over
    /// loopback uTP is about 30 times slower than TCP: turn it off there.
    /// </summary>
    public bool EnableUtp { get; set; } = true;

    /// <summary>
    /// Outgoing connections try uTP first (libtorrent's own default) and fall back to TCP only when the uTP
    /// handshake times out (<see cref="UtpConnectTimeout"/>, doubled per resend): a peer that does not answer uTP
    /// costs seconds before any data flows. Off (the default), outgoing connections use TCP at once and incoming
    /// uTP is still accepted while <see cref="EnableUtp"/> is on. See docs/engine.md, "Connection defaults".
    /// </summary>
    public bool ConnectOverUtp { get; set; }

    /// <summary>
    /// libtorrent's <c>utp_connect_timeout</c>: how long the first uTP SYN waits for an answer; each resend
    /// (<c>utp_syn_resends</c>) doubles it. Matters only while <see cref="ConnectOverUtp"/> is on.
    /// </summary>
    public TimeSpan UtpConnectTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Protocol encryption.</summary>
    public EncryptionPolicy Encryption { get; set; } = EncryptionPolicy.Enabled;

    /// <summary>Session upload limit in bytes per second; 0 for none.</summary>
    public int UploadRateLimit { get; set; }

    /// <summary>Session download limit in bytes per second; 0 for none.</summary>
    public int DownloadRateLimit { get; set; }

    /// <summary>Peer connections across all torrents.</summary>
    public int ConnectionsLimit { get; set; } = 500;

    /// <summary>Lets several peers share an IP address, as every peer does on 127.0.0.1.</summary>
    public bool AllowMultipleConnectionsPerIp { get; set; }

    /// <summary>The client name peers and trackers see.</summary>
    public string UserAgent { get; set; } = $"TorrentCluster/{EngineVersion.Text}";

    /// <summary>How often the pump asks for changed statuses and session counters.</summary>
    public TimeSpan StatusInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Raw libtorrent settings by their libtorrent names, applied last.</summary>
    public IDictionary<string, string> Settings { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
