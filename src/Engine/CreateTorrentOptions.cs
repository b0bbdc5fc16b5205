namespace TorrentCluster.Engine;

/// <summary>What <see cref="TorrentCreator"/> makes a torrent of, and how.</summary>
public sealed record CreateTorrentOptions
{
    /// <summary>A file or a folder.</summary>
    public required string Path { get; init; }

    /// <summary>v1, v2 or hybrid.</summary>
    public TorrentVersion Version { get; init; } = TorrentVersion.Hybrid;

    /// <summary>Announce URLs, one tier each.</summary>
    public IReadOnlyList<string> Trackers { get; init; } = [];

    /// <summary>Web seed URLs (BEP 19).</summary>
    public IReadOnlyList<string> WebSeeds { get; init; } = [];

    /// <summary>Piece size in bytes (a power of two, at least 16 KiB); 0 lets libtorrent choose.</summary>
    public int PieceSize { get; init; }

    /// <summary>A private torrent: trackers only, no DHT or peer exchange.</summary>
    public bool IsPrivate { get; init; }

    /// <summary>A comment stored in the torrent.</summary>
    public string? Comment { get; init; }

    /// <summary>The creating program's name.</summary>
    public string? Creator { get; init; }
}
