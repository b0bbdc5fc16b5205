namespace TorrentCluster.Silo.Hosting;

/// <summary>How this silo joins a cluster, bound from <c>TorrentCluster:Cluster</c>.</summary>
public sealed class ClusterHostOptions
{
    public const string SectionName = "TorrentCluster:Cluster";

    /// <summary>
    /// <c>Embedded</c>: one process, localhost clustering, state on local disk. <c>Redis</c>: membership, grain
    /// state and reminders in Redis, silos and gateways in separate processes.
    /// </summary>
    public ClusterMode Mode { get; set; } = ClusterMode.Embedded;

    /// <summary>The silo's stable name (a Kubernetes pod name, a host name); a torrent's home silo is named by it.</summary>
    public string? SiloName { get; set; }

    /// <summary>Orleans' silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Orleans' client gateway port.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and gateways reach this silo at (Redis mode); defaults to 127.0.0.1.</summary>
    public string? AdvertisedAddress { get; set; }

    public string ClusterId { get; set; } = "torrentcluster";

    public string ServiceId { get; set; } = "torrentcluster";

    /// <summary>StackExchange.Redis connection string of the cluster's Redis (Redis mode), e.g. <c>redis:6379,password=...</c>.</summary>
    public string? Redis { get; set; }

    /// <summary>Host the JSON-RPC gateway in this process too (the embedded default does).</summary>
    public bool HostGateway { get; set; } = true;

    /// <summary>Where grain state lives in embedded mode; by default <c>state</c> under the engine's data folder.</summary>
    public string? StatePath { get; set; }

    /// <summary>
    /// How long a probe of another silo may take before it counts as missed (Redis mode); Orleans adapts it to the
    /// response times it sees, between half of it and <see cref="MaxProbeTimeout"/>. Shorter moves torrents sooner
    /// after a crash but risks declaring a silo dead through a long GC pause or a network blip.
    /// </summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The longest a probe may take while this silo's own health is degraded (Orleans stretches probes then).
    /// It also sets how long a silo that went silent still counts as alive: Orleans suppresses votes against a
    /// silo whose connection received anything within <c>MaxProbeTimeout × MissedProbesLimit</c>. With Orleans'
    /// default (four probe timeouts) that window was a minute, and a partitioned silo was declared dead after
    /// 61-71 s, against about 13 s for a killed one whose connections close at once (tests/Network.Tests).
    /// </summary>
    public TimeSpan MaxProbeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Missed probes before a silo is suspected.</summary>
    public int MissedProbesLimit { get; set; } = 3;

    /// <summary>
    /// How long a silo keeps a disconnected client's answers for it to come back. The gateway gives up on a call after
    /// its call timeout (5 s), so an answer held longer than that reaches no one.
    /// </summary>
    public TimeSpan ClientDropTimeout { get; set; } = TimeSpan.FromSeconds(5);


    /// <summary>
    /// Run under Orleans' Kubernetes hosting: the silo takes its name, address and cluster ids from the pod
    /// (POD_NAME, POD_IP, POD_NAMESPACE and the orleans/* labels) and removes dead silos' pods from membership.
    /// </summary>
    public bool Kubernetes { get; set; }
}

/// <summary>The cluster's membership and storage backend.</summary>
public enum ClusterMode
{
    /// <summary>One process on localhost, state on local disk.</summary>
    Embedded,

    /// <summary>Many processes; membership, grain state and reminders in Redis.</summary>
    Redis,
}
