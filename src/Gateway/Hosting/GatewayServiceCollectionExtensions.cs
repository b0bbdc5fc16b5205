using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TorrentCluster.Gateway.Auth;
using TorrentCluster.Gateway.FleetConsole;
using TorrentCluster.Gateway.Health;
using TorrentCluster.Gateway.Http;
using TorrentCluster.Gateway.Telemetry;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.Events;
using TorrentCluster.Gateway.JsonRpc;
using TorrentCluster.Gateway.Methods.Auth;
using TorrentCluster.Gateway.Methods.Cluster;
using TorrentCluster.Gateway.Methods.Fleet;
using TorrentCluster.Gateway.Methods.Plugins;
using TorrentCluster.Gateway.Methods.Presets;
using TorrentCluster.Gateway.Methods.Sessions;
using TorrentCluster.Gateway.Methods.Sys;
using TorrentCluster.Gateway.Methods.Torrents;
using TorrentCluster.Gateway.WebUi;

namespace TorrentCluster.Gateway.Hosting;

/// <summary>Wires the JSON-RPC gateway into a host that has an Orleans client (or is a silo).</summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>Adds the method table, the handlers and the cluster lookups, with options from <c>TorrentCluster:Gateway</c>.</summary>
    public static IServiceCollection AddTorrentClusterGateway(this IServiceCollection services)
    {
        services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<TorrentDirectory>();
        services.AddSingleton<SiloDirectory>();
        services.AddSingleton<CatalogCount>();
        services.AddSingleton<FleetTorrents>();
        services.AddSingleton<JsonRpcMethodTable>();
        services.AddSingleton<JsonRpcHandler>();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<UserStampCache>();
        services.AddSingleton<AuthAttemptLimiter>();
        services.AddSingleton<SetupCodeFile>();
        services.AddSingleton<AuthService>();
        services.AddSingleton<UserExistence>();
        services.AddOptions<WebUiOptions>().BindConfiguration(WebUiOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebUiOptions>, WebUiOptionsValidator>();
        services.AddSingleton<WebUiFiles>();
        services.AddHttpContextAccessor();
        services.AddHostedService<AuthStartupNotice>();
        services.AddHostedService<SetupCodeNotice>();
        services.AddTransient<IStartupFilter, LoopbackHostStartupFilter>();
        services.TryAddSingleton<RpcTelemetry>();
        services.AddHealthChecks();
        services.AddTorrentClusterEvents();

        // The method table: one line per area; an area's methods are listed beside them in Methods/<Area>/.
        services.AddTorrentsMethods();
        services.AddSessionsMethods();
        services.AddPresetsMethods();
        services.AddSysMethods();
        services.AddAuthMethods();
        services.AddClusterMethods();
        services.AddFleetMethods();
        services.AddPluginsMethods();
        services.AddTorrentClusterConsole();
        return services;
    }

    /// <summary>
    /// Serves JSON-RPC at <see cref="GatewayOptions.Path"/>, Porla's HTTP routes and event stream beside it and the
    /// web UI (when configured), all under <see cref="GatewayOptions.BasePath"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapTorrentClusterGateway(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<GatewayOptions>>().Value;
        // A plain request delegate over the singleton handler: resolving it per request would open (and dispose) a
        // service scope for every call, and a delegate with parameters runs through parameter binding and filters.
        var handler = endpoints.ServiceProvider.GetRequiredService<JsonRpcHandler>();
        endpoints.MapPost(options.BasePath + options.Path, JsonContentType.Require(handler.HandleAsync));
        endpoints.MapTorrentClusterAuth(options.BasePath + options.AuthPath);
        endpoints.MapTorrentClusterSystemStatus(options.BasePath + options.AuthPath);
        endpoints.MapTorrentClusterEvents(options.BasePath);
        endpoints.MapTorrentClusterWebUi(options.BasePath);
        endpoints.MapTorrentClusterConsole(options.BasePath);
        endpoints.MapTorrentClusterOrleansDashboard(options.BasePath);
        return endpoints;
    }
}
