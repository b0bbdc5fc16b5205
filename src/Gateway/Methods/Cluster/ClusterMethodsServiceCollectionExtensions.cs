using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Cluster;

/// <summary>Registers the <c>cluster.*</c> methods in the gateway's method table.</summary>
public static class ClusterMethodsServiceCollectionExtensions
{
    public static IServiceCollection AddClusterMethods(this IServiceCollection services)
    {
        services.AddSingleton<IJsonRpcMethod, ClusterSilosList>();
        return services;
    }
}
