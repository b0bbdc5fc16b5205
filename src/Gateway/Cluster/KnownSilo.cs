using TorrentCluster.Abstractions.Cluster;

namespace TorrentCluster.Gateway.Cluster;

/// <summary>
/// A silo as membership names it: its name, address, status and when it started (membership's record of this
/// incarnation), and its own summary when it is active and answered.
/// </summary>
public sealed record KnownSilo(string Name, string Address, string Status, DateTimeOffset? Since, SiloSummary? Summary)
{
    /// <summary>The status of an active silo that answered.</summary>
    public const string Active = "active";

    /// <summary>The status of an active silo that did not answer within the timeout.</summary>
    public const string Unreachable = "unreachable";
}
