using Orleans.Dashboard;
using TorrentCluster.Gateway.Auth;

namespace TorrentCluster.Gateway.FleetConsole;

/// <summary>
/// Orleans' own dashboard (grain counts, call rates, silo load) at <c>{base}/console/orleans/</c>, behind the same
/// login as the API: every one of its routes, page and JSON alike, first passes <see cref="AuthService"/>, so it
/// accepts the console's cookie or a bearer token, and nothing when authentication is off but what the API accepts
/// then. Its pages are its own: they keep the dashboard's headers, not the console's CSP (its bundle sets inline
/// styles, which that policy forbids).
/// </summary>
public static partial class OrleansDashboardEndpoints
{
    public const string Path = ConsoleEndpoints.Path + "/orleans";

    /// <summary>Collects the dashboard's statistics on this silo (every silo does, for whichever gateway shows them).</summary>
    public static ISiloBuilder AddTorrentClusterDashboard(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.AddDashboard(Configure);
        silo.Services.AddSingleton<OrleansDashboardServices>();
        return silo;
    }

    /// <summary>Lets the gateway of this cluster client show the statistics the silos collect.</summary>
    public static IClientBuilder AddTorrentClusterDashboard(this IClientBuilder client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.AddDashboard(Configure);
        client.Services.AddSingleton<OrleansDashboardServices>();
        return client;
    }

    /// <summary>
    /// Maps the dashboard when this host's silo or cluster client has its services (added above); a gateway put
    /// together over another client (the API tests' one over a TestingHost cluster) has nothing to show, and serves
    /// the rest without it rather than failing to start.
    /// </summary>
    public static IEndpointRouteBuilder MapTorrentClusterOrleansDashboard(this IEndpointRouteBuilder endpoints, string basePath)
    {
        if (endpoints.ServiceProvider.GetService<OrleansDashboardServices>() is null)
        {
            return endpoints;
        }

        var root = basePath + Path;
        var login = basePath + ConsoleEndpoints.Path + "/#/login/orleans";
        endpoints.MapOrleansDashboard(root).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            bool authenticated;
            try
            {
                authenticated = await http.RequestServices.GetRequiredService<AuthService>().AuthenticateAsync(http);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
            {
                LogTokenCheckFailed(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OrleansDashboardEndpoints)), exception.Message);
                return Results.Text("Service Unavailable: the cluster did not answer the token check", statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            if (authenticated)
            {
                return await next(context);
            }

            // A person opening the page goes to the console's login, which brings them back; the page's own
            // requests for data get Porla's plain 401.
            return IsPage(http.Request, root)
                ? Results.Redirect(login)
                : Results.Text("Unauthorized", statusCode: StatusCodes.Status401Unauthorized);
        });
        return endpoints;
    }

    private static bool IsPage(HttpRequest request, string root)
    {
        var path = request.Path.Value ?? "";
        return HttpMethods.IsGet(request.Method)
            && (path.Equals(root, StringComparison.Ordinal) || path.Equals(root + "/", StringComparison.Ordinal) || path.Equals(root + "/index.html", StringComparison.Ordinal));
    }

    // What every silo and gateway gives the dashboard: no trace page, which streams the host's whole log to the
    // browser (paths, addresses, peers) and holds a connection open for an hour.
    private static void Configure(DashboardOptions options) => options.HideTrace = true;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Orleans dashboard: the token check did not complete: {Reason}")]
    private static partial void LogTokenCheckFailed(ILogger logger, string reason);
}

/// <summary>Present in a host whose silo or cluster client collects or reads the dashboard's statistics.</summary>
internal sealed class OrleansDashboardServices;
