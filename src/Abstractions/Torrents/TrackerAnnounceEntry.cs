namespace TorrentCluster.Abstractions.Torrents;

/// <summary>One announce of one info-hash version from one endpoint; scrape counts are -1 when unknown.</summary>
[GenerateSerializer, Immutable]
public sealed record TrackerAnnounceEntry
{
    [Id(0)] public int Version { get; init; }
    [Id(1)] public string? Message { get; init; }
    [Id(2)] public string? LastError { get; init; }
    [Id(3)] public DateTimeOffset? NextAnnounce { get; init; }
    [Id(4)] public DateTimeOffset? MinAnnounce { get; init; }
    [Id(5)] public int Fails { get; init; }
    [Id(6)] public bool Updating { get; init; }
    [Id(7)] public bool StartSent { get; init; }
    [Id(8)] public bool CompleteSent { get; init; }
    [Id(9)] public int ScrapeComplete { get; init; }
    [Id(10)] public int ScrapeIncomplete { get; init; }
    [Id(11)] public int ScrapeDownloaded { get; init; }
}
