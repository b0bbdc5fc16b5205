namespace TorrentCluster.Engine;

/// <summary>
/// What to add: a .torrent file, a magnet link or resume data (alone or with one of the others), where its data
/// goes, and how it starts.
/// </summary>
public sealed record AddTorrentRequest
{
    /// <summary>Bencoded .torrent bytes.</summary>
    public byte[]? TorrentFile { get; init; }

    /// <summary>A magnet link.</summary>
    public string? MagnetUri { get; init; }

    /// <summary>Resume data saved earlier (<see cref="TorrentEngine.SaveResumeDataAsync"/>): skips re-checking.</summary>
    public byte[]? ResumeData { get; init; }

    /// <summary>The folder the torrent's files go in.</summary>
    public required string SavePath { get; init; }

    /// <summary>A display name, for magnets before their metadata arrives.</summary>
    public string? Name { get; init; }

    /// <summary>Extra tracker URLs.</summary>
    public IReadOnlyList<string> Trackers { get; init; } = [];

    /// <summary>BEP 19 web seeds (URL seeds).</summary>
    public IReadOnlyList<string> UrlSeeds { get; init; } = [];

    /// <summary>BEP 17 web seeds (HTTP seeds).</summary>
    public IReadOnlyList<string> HttpSeeds { get; init; } = [];

    /// <summary>Add it paused.</summary>
    public bool Paused { get; init; }

    /// <summary>Upload limit in bytes per second; 0 for none.</summary>
    public int UploadLimit { get; init; }

    /// <summary>Download limit in bytes per second; 0 for none.</summary>
    public int DownloadLimit { get; init; }

    /// <summary>Connection limit; 0 for the session's default.</summary>
    public int MaxConnections { get; init; }

    /// <summary>Upload slots; 0 for the session's default.</summary>
    public int MaxUploads { get; init; }

    /// <summary>Trust that the files are complete and seed without checking them (the creator of the files knows).</summary>
    public bool SeedMode { get; init; }

    /// <summary>
    /// Allocate every file in full before writing (Porla's <c>storage_mode: allocate</c>) rather than sparse files:
    /// the disk space is taken at once, and files do not fragment on file systems without sparse support.
    /// </summary>
    public bool AllocateFiles { get; init; }
}
