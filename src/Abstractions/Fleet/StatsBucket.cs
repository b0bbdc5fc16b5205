namespace TorrentCluster.Abstractions.Fleet;

/// <summary>One minute of a silo's traffic: average payload rates (bytes per second) and connected peers.</summary>
[GenerateSerializer, Immutable]
public sealed record StatsBucket(
    [property: Id(0)] DateTimeOffset Minute,
    [property: Id(1)] long DownloadRate,
    [property: Id(2)] long UploadRate,
    [property: Id(3)] long Peers);
