namespace TorrentCluster.Abstractions.Torrents;

/// <summary>One tracker of a torrent and how its announces go.</summary>
[GenerateSerializer, Immutable]
public sealed record TrackerEntry
{
    [Id(0)] public required string Url { get; init; }
    [Id(1)] public int Tier { get; init; }
    [Id(2)] public int Source { get; init; }
    [Id(3)] public bool Verified { get; init; }
    [Id(4)] public bool Updating { get; init; }
    [Id(5)] public int Fails { get; init; }
    [Id(6)] public string? Message { get; init; }
    [Id(7)] public string? LastError { get; init; }
    [Id(8)] public DateTimeOffset? NextAnnounce { get; init; }
    [Id(9)] public DateTimeOffset? MinAnnounce { get; init; }
    [Id(10)] public int ScrapeComplete { get; init; }
    [Id(11)] public int ScrapeIncomplete { get; init; }
    [Id(12)] public int ScrapeDownloaded { get; init; }
    [Id(13)] public string TrackerId { get; init; } = "";
    [Id(14)] public int FailLimit { get; init; }
    /// <summary>The announces per local endpoint and info-hash version, as libtorrent (and Porla) list them.</summary>
    [Id(15)] public IReadOnlyList<TrackerEndpointEntry> Endpoints { get; init; } = [];
}
