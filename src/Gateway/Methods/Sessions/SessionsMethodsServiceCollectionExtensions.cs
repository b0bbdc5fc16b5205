using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Sessions;

/// <summary>Registers the <c>sessions.*</c> methods in the gateway's method table.</summary>
public static class SessionsMethodsServiceCollectionExtensions
{
    public static IServiceCollection AddSessionsMethods(this IServiceCollection services)
    {
        services.AddSingleton<IJsonRpcMethod, SessionsList>();
        services.AddSingleton<IJsonRpcMethod, SessionsGet>();
        services.AddSingleton<IJsonRpcMethod, SessionsPause>();
        services.AddSingleton<IJsonRpcMethod, SessionsResume>();
        services.AddSingleton<IJsonRpcMethod, SessionsSettingsList>();
        services.AddSingleton(new JsonRpcMethodAlias("sessions.settings.get", "sessions.settings.list"));
        services.AddSingleton<IJsonRpcMethod, SessionsSettingsSet>();
        return services;
    }
}
