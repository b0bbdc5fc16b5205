namespace TorrentCluster.Gateway.Auth;

/// <summary>
/// Porla's <c>GET /api/v1/system</c>: <c>{"status":"setup"}</c> until the first user exists, <c>{"status":"ok"}</c>
/// after, always 200. Anonymous, as in Porla: the web UI asks it before anyone has logged in, to choose between its
/// setup and login pages. The two answers are fixed, so they are written as they go on the wire.
/// </summary>
public static class SystemStatusEndpoint
{
    private static readonly byte[] Ok = """{"status":"ok"}"""u8.ToArray();
    private static readonly byte[] Setup = """{"status":"setup"}"""u8.ToArray();

    public static IEndpointRouteBuilder MapTorrentClusterSystemStatus(this IEndpointRouteBuilder endpoints, string basePath)
    {
        endpoints.MapGet($"{basePath}/system", async (UserExistence users) =>
            Results.Bytes(await users.AnyAsync() ? Ok : Setup, "application/json"));
        return endpoints;
    }
}
