using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Fleet;

/// <summary>Registers the <c>fleet.*</c> methods in the gateway's method table.</summary>
public static class FleetMethodsServiceCollectionExtensions
{
    public static IServiceCollection AddFleetMethods(this IServiceCollection services)
    {
        services.AddSingleton<IJsonRpcMethod, FleetPeersList>();
        services.AddSingleton<IJsonRpcMethod, FleetPeersSummary>();
        services.AddSingleton<IJsonRpcMethod, FleetStats>();
        return services;
    }
}
