namespace TorrentCluster.Engine;

/// <summary>A tracker of a torrent with the state of its latest announce; scrape counts are -1 when unknown.</summary>
public sealed record TrackerInfo(
    string Url,
    int Tier,
    string? Message,
    string? LastError,
    DateTimeOffset? NextAnnounce,
    DateTimeOffset? MinAnnounce,
    int Fails,
    int Source,
    bool Verified,
    bool Updating,
    int ScrapeComplete,
    int ScrapeIncomplete,
    int ScrapeDownloaded);
