using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Auth;

/// <summary>Registers the <c>auth.*</c> methods in the gateway's method table.</summary>
public static class AuthMethodsServiceCollectionExtensions
{
    public static IServiceCollection AddAuthMethods(this IServiceCollection services)
    {
        services.AddSingleton<IJsonRpcMethod, AuthInit>();
        services.AddSingleton<IJsonRpcMethod, AuthLogin>();
        services.AddSingleton<IJsonRpcMethod, AuthLogout>();
        services.AddSingleton<IJsonRpcMethod, AuthPasswordSet>();
        return services;
    }
}
