namespace TorrentCluster.Engine;

/// <summary>What kind of engine failure an exception reports; mirrors the shim's <c>tc_status</c>.</summary>
public enum EngineErrorCode
{
    /// <summary>An argument the engine cannot use.</summary>
    InvalidArgument = 1,

    /// <summary>.torrent bytes that do not parse.</summary>
    InvalidTorrent = 2,

    /// <summary>A magnet link that does not parse.</summary>
    InvalidMagnet = 3,

    /// <summary>The torrent is in the session already.</summary>
    Duplicate = 4,

    /// <summary>The torrent is not (or no longer) in the session.</summary>
    TorrentNotFound = 5,

    /// <summary>Resume data that does not parse.</summary>
    InvalidResumeData = 6,

    /// <summary>A libtorrent setting name or value that libtorrent does not accept.</summary>
    UnknownSetting = 7,

    /// <summary>A file system failure.</summary>
    IO = 8,

    /// <summary>The torrent has no metadata yet.</summary>
    NoMetadata = 9,

    /// <summary>Anything else libtorrent reported.</summary>
    Internal = 100,
}
