using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Plugins;

/// <summary>Registers the <c>plugins.*</c> methods in the gateway's method table.</summary>
public static class PluginsMethodsServiceCollectionExtensions
{
    public static IServiceCollection AddPluginsMethods(this IServiceCollection services)
    {
        services.AddSingleton<IJsonRpcMethod, PluginsList>();
        services.AddSingleton<IJsonRpcMethod, PluginsGet>();
        services.AddSingleton<IJsonRpcMethod, PluginsConfigure>();
        services.AddSingleton<IJsonRpcMethod, PluginsInstall>();
        services.AddSingleton<IJsonRpcMethod, PluginsReload>();
        services.AddSingleton<IJsonRpcMethod, PluginsUninstall>();
        services.AddSingleton<IJsonRpcMethod, PluginsUpdate>();
        return services;
    }
}
