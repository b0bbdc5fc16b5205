namespace TorrentCluster.Grains.Hosting;

/// <summary>Names of the grain storage providers the grains use.</summary>
public static class StorageNames
{
    /// <summary>Every durable grain state of the cluster: torrents, the catalog, aliases.</summary>
    public const string Cluster = "cluster";
}
