namespace TorrentCluster.Abstractions.Fleet;

/// <summary>Peers added up: all of them (<see cref="Total"/>) and by group.</summary>
[GenerateSerializer]
public sealed class PeerSummary
{
    [Id(0)] public PeerGroup Total { get; init; } = new() { Key = "total" };
    [Id(1)] public List<PeerGroup> Groups { get; init; } = [];
}
