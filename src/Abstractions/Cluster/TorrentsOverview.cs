namespace TorrentCluster.Abstractions.Cluster;

/// <summary>One silo's torrents counted per category, state, tag and tracker URL (Porla's overview session).</summary>
[GenerateSerializer, Immutable]
public sealed record TorrentsOverview
{
    [Id(0)] public IReadOnlyDictionary<string, long> TorrentsPerCategory { get; init; } = new Dictionary<string, long>();
    [Id(1)] public IReadOnlyDictionary<string, long> TorrentsPerState { get; init; } = new Dictionary<string, long>();
    [Id(2)] public IReadOnlyDictionary<string, long> TorrentsPerTag { get; init; } = new Dictionary<string, long>();
    [Id(3)] public IReadOnlyDictionary<string, long> TorrentsPerTracker { get; init; } = new Dictionary<string, long>();
    [Id(4)] public long TorrentsTotal { get; init; }
}
