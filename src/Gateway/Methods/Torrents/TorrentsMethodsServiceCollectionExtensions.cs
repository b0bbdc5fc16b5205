using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary>Registers the <c>torrents.*</c> methods in the gateway's method table.</summary>
public static class TorrentsMethodsServiceCollectionExtensions
{
    public static IServiceCollection AddTorrentsMethods(this IServiceCollection services)
    {
        services.AddSingleton<IJsonRpcMethod, TorrentsAdd>();
        services.AddSingleton<IJsonRpcMethod, TorrentsList>();
        services.AddSingleton<IJsonRpcMethod, TorrentsRemove>();
        services.AddSingleton<IJsonRpcMethod, TorrentsPause>();
        services.AddSingleton<IJsonRpcMethod, TorrentsResume>();
        services.AddSingleton<IJsonRpcMethod, TorrentsPeersList>();
        services.AddSingleton<IJsonRpcMethod, TorrentsPeersAdd>();
        services.AddSingleton<IJsonRpcMethod, TorrentsGet>();
        services.AddSingleton<IJsonRpcMethod, TorrentsCount>();
        services.AddSingleton<IJsonRpcMethod, TorrentsOverview>();
        services.AddSingleton<IJsonRpcMethod, TorrentsRecheck>();
        services.AddSingleton<IJsonRpcMethod, TorrentsMove>();
        services.AddSingleton<IJsonRpcMethod, TorrentsFilesList>();
        services.AddSingleton<IJsonRpcMethod, TorrentsFilesProgress>();
        services.AddSingleton<IJsonRpcMethod, TorrentsPiecesGet>();
        services.AddSingleton<IJsonRpcMethod, TorrentsPropertiesGet>();
        services.AddSingleton<IJsonRpcMethod, TorrentsPropertiesSet>();
        services.AddSingleton<IJsonRpcMethod, TorrentsTrackersList>();
        services.AddSingleton<IJsonRpcMethod, TorrentsMetadataList>();
        return services;
    }
}
