using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Grains.Torrents;

/// <summary>
/// What the cluster persists of a torrent: enough to add it to any silo's engine again. Kept small, a few hundred
/// bytes whatever the torrent's size, because 100,000 of these are read on a full restart and Redis holds them
/// in memory: no resume data and no metainfo, which live on the hosting silo's disk (<see cref="Persistence.MetainfoStore"/>).
/// </summary>
[GenerateSerializer]
public sealed class TorrentRecord
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public InfoHashPair? InfoHash { get; set; }

    /// <summary>
    /// The .torrent bytes, as records written before the metainfo moved to the silo's disk still hold them; the
    /// next activation moves them to disk and clears this. Never set otherwise.
    /// </summary>
    [Id(2)] public byte[]? TorrentFile { get; set; }

    /// <summary>
    /// The link that brings the torrent back from its swarm on a silo without its metainfo: the caller's magnet
    /// link, or for a .torrent one made from it (<see cref="SwarmMagnet"/>: both info-hashes, name, trackers, web seeds).
    /// </summary>
    [Id(3)] public string? MagnetUri { get; set; }
    /// <summary>
    /// Where the caller asked the data to go, as given (a relative path means the hosting silo's first storage
    /// root); null for that root itself. Every silo that attaches the torrent checks it against its own roots.
    /// </summary>
    [Id(4)] public string? SavePath { get; set; }
    [Id(5)] public bool Paused { get; set; }
    [Id(6)] public string? Name { get; set; }
    [Id(7)] public List<string> Trackers { get; set; } = [];
    [Id(8)] public int UploadLimit { get; set; }
    [Id(9)] public int DownloadLimit { get; set; }
    [Id(10)] public int MaxConnections { get; set; }
    [Id(11)] public int MaxUploads { get; set; }
    [Id(12)] public DateTimeOffset AddedAt { get; set; }
    [Id(13)] public string? Category { get; set; }
    [Id(14)] public List<string> Tags { get; set; } = [];
    [Id(15)] public string? HomeSilo { get; set; }
    /// <summary>The caller's metadata, values as raw JSON text.</summary>
    [Id(16)] public Dictionary<string, string> Metadata { get; set; } = [];
    [Id(17)] public List<string> UrlSeeds { get; set; } = [];
    [Id(18)] public List<string> HttpSeeds { get; set; } = [];
    /// <summary>Files allocated in full, kept so that a silo taking the torrent over adds it the same way.</summary>
    [Id(19)] public bool AllocateFiles { get; set; }
}
