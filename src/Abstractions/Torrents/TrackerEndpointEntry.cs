namespace TorrentCluster.Abstractions.Torrents;

/// <summary>A silo's listen socket announcing to a tracker, with its announce of the v1 info-hash, then the v2 one.</summary>
[GenerateSerializer, Immutable]
public sealed record TrackerEndpointEntry
{
    [Id(0)] public required string LocalAddress { get; init; }
    [Id(1)] public int LocalPort { get; init; }
    [Id(2)] public bool Enabled { get; init; }
    [Id(3)] public IReadOnlyList<TrackerAnnounceEntry> InfoHashes { get; init; } = [];
}
