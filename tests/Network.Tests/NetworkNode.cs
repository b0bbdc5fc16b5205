using System.Net;

namespace TorrentCluster.Network.Tests;

/// <summary>
/// One machine of a <see cref="TestNetwork"/>: a network namespace with an address of its own on the test bridge,
/// reached through the veth port <see cref="BridgePort"/> of the hub.
/// </summary>
public sealed record NetworkNode(string Name, string Namespace, IPAddress Address, string BridgePort)
{
    /// <summary>Where processes of this node run and what they listen on.</summary>
    public Testing.HostPlacement Placement => new(Namespace, Address.ToString());
}
