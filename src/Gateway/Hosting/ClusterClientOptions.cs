namespace TorrentCluster.Gateway.Hosting;

/// <summary>How the standalone gateway finds the cluster, bound from <c>TorrentCluster:Cluster</c>.</summary>
public sealed class ClusterClientOptions
{
    public const string SectionName = "TorrentCluster:Cluster";

    /// <summary>StackExchange.Redis connection string of the cluster's Redis; without it, a silo on localhost.</summary>
    public string? Redis { get; set; }

    public string ClusterId { get; set; } = "torrentcluster";

    public string ServiceId { get; set; } = "torrentcluster";

    /// <summary>The silo gateway port when there is no Redis (a silo on this machine).</summary>
    public int GatewayPort { get; set; } = 30000;
}
