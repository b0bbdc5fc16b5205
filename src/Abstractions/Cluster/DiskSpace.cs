namespace TorrentCluster.Abstractions.Cluster;

/// <summary>A file system's space as Porla's <c>fs.space</c> reports it, in bytes.</summary>
[GenerateSerializer, Immutable]
public sealed record DiskSpace(
    [property: Id(0)] string Silo,
    [property: Id(1)] string Path,
    [property: Id(2)] long Available,
    [property: Id(3)] long Capacity,
    [property: Id(4)] long Free);
