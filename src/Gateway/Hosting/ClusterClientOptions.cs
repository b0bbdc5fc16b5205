namespace TorrentCluster.Gateway.Hosting;

/// <summary>How the standalone gateway finds the cluster, bound from <c>TorrentCluster:Cluster</c>.</summary>
public sealed class ClusterClientOptions
{
    public const string SectionName = "TorrentCluster:Cluster";

    /// <summary>StackExchange.Redis connection string of the cluster's Redis; without it, a silo on localhost.</summary>
    public string? Redis { get; set; }

    public string ClusterId { get; set; } = "torrentcluster";

    public string ServiceId { get; set; } = "torrentcluster";

    /// <summary>
    /// How often the client reads the silo gateways from membership. Orleans' default is a minute: a silo that was
    /// cut off without closing its connections stays in the client's list, and calls routed through it wait,
    /// for up to that long after the cluster has declared it dead.
    /// </summary>
    public TimeSpan GatewayListRefreshPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a grain call may wait for its answer before it fails with -32000 (Orleans' default is 30 s). A
    /// silo cut off from this gateway, or frozen, answers nothing; every method the API has answers well within it.
    /// </summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a connection to a silo gateway may take to open (Orleans' default is 5 s). The client retries a
    /// gateway it found dead every <see cref="GatewayListRefreshPeriod"/>, and calls given to that gateway wait on
    /// the attempt: against a silo cut off from this gateway (its packets dropped, so no refusal comes back) they
    /// fail over to another gateway only when the attempt gives up.
    /// </summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The silo gateway port when there is no Redis (a silo on this machine).</summary>
    public int GatewayPort { get; set; } = 30000;
}
