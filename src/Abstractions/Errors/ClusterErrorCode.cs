namespace TorrentCluster.Abstractions.Errors;

/// <summary>
/// What went wrong, in terms a caller can act on. The gateway maps each to a JSON-RPC error code in one place.
/// </summary>
public enum ClusterErrorCode
{
    /// <summary>No torrent with that info-hash exists in the cluster.</summary>
    TorrentNotFound = 1,

    /// <summary>The torrent exists already; adding it again would make a second copy.</summary>
    TorrentExists = 2,

    /// <summary>The .torrent bytes do not parse as a torrent.</summary>
    InvalidTorrent = 3,

    /// <summary>The magnet link does not parse.</summary>
    InvalidMagnet = 4,

    /// <summary>A parameter has a value the operation cannot use (a bad path, an endpoint, a limit).</summary>
    InvalidArgument = 5,

    /// <summary>The torrent has no metadata yet (a magnet link still fetching it).</summary>
    NoMetadata = 6,

    /// <summary>The silo's engine failed the operation (disk, libtorrent).</summary>
    EngineFailure = 7,

    /// <summary>The silo named in the call is not part of the cluster.</summary>
    SiloNotFound = 8,
}
