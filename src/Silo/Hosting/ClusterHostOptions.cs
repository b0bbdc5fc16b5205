namespace TorrentCluster.Silo.Hosting;

/// <summary>How this silo joins a cluster, bound from <c>TorrentCluster:Cluster</c>.</summary>
public sealed class ClusterHostOptions
{
    public const string SectionName = "TorrentCluster:Cluster";

    /// <summary>
    /// <c>Embedded</c>: one process, localhost clustering, state on local disk. Cluster modes come with Redis.
    /// </summary>
    public ClusterMode Mode { get; set; } = ClusterMode.Embedded;

    /// <summary>The silo's stable name (a Kubernetes pod name, a host name); a torrent's home silo is named by it.</summary>
    public string? SiloName { get; set; }

    /// <summary>Orleans' silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Orleans' client gateway port.</summary>
    public int GatewayPort { get; set; } = 30000;

    public string ClusterId { get; set; } = "torrentcluster";

    public string ServiceId { get; set; } = "torrentcluster";

    /// <summary>Host the JSON-RPC gateway in this process too (the embedded default does).</summary>
    public bool HostGateway { get; set; } = true;

    /// <summary>Where grain state lives in embedded mode; by default <c>state</c> under the engine's data folder.</summary>
    public string? StatePath { get; set; }
}

/// <summary>The cluster's membership and storage backend.</summary>
public enum ClusterMode
{
    /// <summary>One process on localhost, state on local disk.</summary>
    Embedded,
}
