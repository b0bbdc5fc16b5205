namespace TorrentCluster.Engine;

/// <summary>
/// A tracker of a torrent with the state of its latest announce folded into one line (the endpoint that announced
/// most recently speaks for it); scrape counts are -1 when unknown. <see cref="Endpoints"/> holds the announces
/// as libtorrent keeps them, per local endpoint and info-hash version.
/// </summary>
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
    int ScrapeDownloaded)
{
    /// <summary>The id the tracker gave us, or "".</summary>
    public string TrackerId { get; init; } = "";

    /// <summary>Failures in a row before libtorrent gives the tracker up; 0 for never.</summary>
    public int FailLimit { get; init; }

    /// <summary>The tracker's announces per local endpoint (listen socket).</summary>
    public IReadOnlyList<TrackerEndpointInfo> Endpoints { get; init; } = [];
}
