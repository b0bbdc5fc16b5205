namespace TorrentCluster.Abstractions.Fleet;

/// <summary>A silo's traffic now and over the last hour, and its torrents by state name.</summary>
[GenerateSerializer, Immutable]
public sealed record SiloStats
{
    [Id(0)] public required string Silo { get; init; }
    [Id(1)] public long DownloadRate { get; init; }
    [Id(2)] public long UploadRate { get; init; }
    [Id(3)] public long Peers { get; init; }
    [Id(4)] public IReadOnlyDictionary<string, int> TorrentsByState { get; init; } = new Dictionary<string, int>();
    [Id(5)] public IReadOnlyList<StatsBucket> History { get; init; } = [];
}
