using TorrentCluster.Abstractions.Cluster;

namespace TorrentCluster.Gateway.Cluster;

/// <summary>
/// A silo as membership names it: its name, address and status, and its own summary when it is active and answered.
/// </summary>
public sealed record KnownSilo(string Name, string Address, string Status, SiloSummary? Summary)
{
    /// <summary>The status of an active silo that answered.</summary>
    public const string Active = "active";

    /// <summary>The status of an active silo that did not answer within the timeout.</summary>
    public const string Unreachable = "unreachable";
}
