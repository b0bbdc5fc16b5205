using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Presets;

/// <summary>Registers the <c>presets.*</c> methods in the gateway's method table.</summary>
public static class PresetsMethodsServiceCollectionExtensions
{
    public static IServiceCollection AddPresetsMethods(this IServiceCollection services)
    {
        services.AddSingleton<IJsonRpcMethod, PresetsList>();
        services.AddSingleton<IJsonRpcMethod, PresetsSet>();
        services.AddSingleton<IJsonRpcMethod, PresetsRemove>();
        return services;
    }
}
