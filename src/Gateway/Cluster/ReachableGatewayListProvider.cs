using System.Net;
using Orleans.Messaging;

namespace TorrentCluster.Gateway.Cluster;

/// <summary>
/// Membership's silo gateways (from the provider it wraps) less those this gateway cannot reach: Orleans' client
/// closes its connections to gateways that leave the list and routes their calls through the others, which
/// forward them to the cut-off silo over the silos' own links. When no gateway is reachable, all are listed.
/// </summary>
public sealed class ReachableGatewayListProvider(IGatewayListProvider membership, GatewayReachability reachability) : IGatewayListProvider
{
    public TimeSpan MaxStaleness => membership.MaxStaleness;

    // Obsolete in Orleans: every provider counts as updatable.
    public bool IsUpdatable => true;

    public Task InitializeGatewayListProvider() => membership.InitializeGatewayListProvider();

    public async Task<IList<Uri>> GetGateways()
    {
        var gateways = await membership.GetGateways();
        reachability.Watch(gateways.Select(EndpointOf));
        var reachable = gateways.Where(gateway => reachability.IsReachable(EndpointOf(gateway))).ToList();
        return reachable.Count > 0 ? reachable : gateways;
    }

    // Orleans writes gateways as gwy.tcp://address:port/generation.
    private static IPEndPoint EndpointOf(Uri gateway) => new(IPAddress.Parse(gateway.Host), gateway.Port);
}
