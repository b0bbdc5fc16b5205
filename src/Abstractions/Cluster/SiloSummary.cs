namespace TorrentCluster.Abstractions.Cluster;

/// <summary>One silo as the fleet views show it.</summary>
[GenerateSerializer, Immutable]
public sealed record SiloSummary
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public required string Address { get; init; }
    [Id(2)] public int Torrents { get; init; }
    [Id(3)] public long DownloadRate { get; init; }
    [Id(4)] public long UploadRate { get; init; }
    [Id(5)] public long PeersConnected { get; init; }
    [Id(6)] public int ListenPort { get; init; }
    [Id(7)] public long FreeDiskBytes { get; init; }
    [Id(8)] public required string Version { get; init; }
    [Id(9)] public bool IsPaused { get; init; }
    [Id(10)] public bool IsDhtRunning { get; init; }
    [Id(11)] public long TotalDiskBytes { get; init; }
    [Id(12)] public string LibtorrentVersion { get; init; } = "";
}
