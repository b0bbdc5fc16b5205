namespace TorrentCluster.Gateway.Auth;

/// <summary>
/// Porla's <c>GET /api/v1/system</c>: <c>{"status":"setup"}</c> until the first user exists, <c>{"status":"ok"}</c>
/// after, always 200. Anonymous, as in Porla: the web UI asks it before anyone has logged in, to choose between its
/// setup and login pages.
/// </summary>
public static class SystemStatusEndpoint
{
    public static IEndpointRouteBuilder MapTorrentClusterSystemStatus(this IEndpointRouteBuilder endpoints, string basePath)
    {
        endpoints.MapGet($"{basePath}/system", async (UserExistence users) =>
            Results.Json(new SystemStatus(await users.AnyAsync() ? "ok" : "setup"), SystemStatusJsonContext.Default.SystemStatus));
        return endpoints;
    }
}
