namespace TorrentCluster.Engine;

/// <summary>One announce of one info-hash <see cref="Version"/> (1 or 2) from one endpoint; times are null when not scheduled.</summary>
public sealed record TrackerAnnounceInfo(
    int Version,
    string? Message,
    string? LastError,
    DateTimeOffset? NextAnnounce,
    DateTimeOffset? MinAnnounce,
    int Fails,
    bool Updating,
    bool StartSent,
    bool CompleteSent,
    int ScrapeComplete,
    int ScrapeIncomplete,
    int ScrapeDownloaded);
