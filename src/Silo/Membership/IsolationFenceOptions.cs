namespace TorrentCluster.Silo.Membership;

/// <summary>When a silo that lost the cluster stops its transfers, bound from <c>TorrentCluster:Cluster:Fence</c>.</summary>
public sealed class IsolationFenceOptions
{
    public const string SectionName = "TorrentCluster:Cluster:Fence";

    /// <summary>
    /// How long a silo may reach neither Redis nor any other silo before it pauses its engine. Shorter than the
    /// time the others take to declare it dead (about <c>MaxProbeTimeout × MissedProbesLimit</c> plus a probe), so
    /// that by the time its torrents start elsewhere, its own copies are already still.
    /// </summary>
    public TimeSpan After { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>How often reachability is checked.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one connection attempt to another silo may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(1);
}
