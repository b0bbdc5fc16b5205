namespace TorrentCluster.Abstractions.Torrents;

/// <summary>
/// What a caller asks to add: a .torrent file or a magnet link, with where to put it and how to start it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AddTorrentCommand
{
    /// <summary>Bencoded .torrent bytes, or null when <see cref="MagnetUri"/> is set.</summary>
    [Id(0)] public byte[]? TorrentFile { get; init; }

    /// <summary>A magnet link, or null when <see cref="TorrentFile"/> is set.</summary>
    [Id(1)] public string? MagnetUri { get; init; }

    /// <summary>Where the data goes on the hosting silo; null for the silo's default data folder.</summary>
    [Id(2)] public string? SavePath { get; init; }

    /// <summary>Add the torrent paused.</summary>
    [Id(3)] public bool Paused { get; init; }

    /// <summary>A display name, mostly for magnets before their metadata arrives.</summary>
    [Id(4)] public string? Name { get; init; }

    /// <summary>Extra tracker URLs.</summary>
    [Id(5)] public IReadOnlyList<string> Trackers { get; init; } = [];

    /// <summary>Upload limit in bytes per second, 0 for none.</summary>
    [Id(6)] public int UploadLimit { get; init; }

    /// <summary>Download limit in bytes per second, 0 for none.</summary>
    [Id(7)] public int DownloadLimit { get; init; }

    /// <summary>Connection limit, 0 for the engine's default.</summary>
    [Id(8)] public int MaxConnections { get; init; }

    /// <summary>Upload slot limit, 0 for the engine's default.</summary>
    [Id(9)] public int MaxUploads { get; init; }

    /// <summary>A category, as Porla's clients group torrents.</summary>
    [Id(10)] public string? Category { get; init; }

    /// <summary>Tags, as Porla's clients label torrents.</summary>
    [Id(11)] public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The caller's own key-value data, values as raw JSON text.</summary>
    [Id(12)] public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>BEP 19 web seeds.</summary>
    [Id(13)] public IReadOnlyList<string> UrlSeeds { get; init; } = [];

    /// <summary>BEP 17 web seeds.</summary>
    [Id(14)] public IReadOnlyList<string> HttpSeeds { get; init; } = [];

    /// <summary>The silo (Porla's session) to put the torrent on; null lets placement decide.</summary>
    [Id(15)] public string? Silo { get; init; }

    /// <summary>Allocate the torrent's files in full rather than sparse (a preset's <c>storage_mode: allocate</c>).</summary>
    [Id(16)] public bool AllocateFiles { get; init; }
}
