using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Sys;

/// <summary>Registers the <c>sys.versions</c> and <c>fs.space</c> methods in the gateway's method table.</summary>
public static class SysMethodsServiceCollectionExtensions
{
    public static IServiceCollection AddSysMethods(this IServiceCollection services)
    {
        services.AddSingleton<IJsonRpcMethod, SysVersions>();
        services.AddSingleton<IJsonRpcMethod, FsSpace>();
        return services;
    }
}
