using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using TorrentCluster.Gateway.WebUi;

namespace TorrentCluster.Gateway.FleetConsole;

/// <summary>
/// Serves the fleet console at <c>{base}/console/</c>, and sends <c>{base}/</c> there when no other web UI folder is
/// configured. The pages are static: every number on them comes from the JSON-RPC API, with the login cookie, so the
/// console can do nothing its user could not do with curl.
/// </summary>
public static class ConsoleEndpoints
{
    public const string Path = "/console";

    // The console loads nothing from anywhere else, runs no inline script and is never framed: an injected torrent
    // or peer name cannot become script, and no other site can dress the console up.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapTorrentClusterConsole(this IEndpointRouteBuilder endpoints, string basePath)
    {
        var assets = endpoints.ServiceProvider.GetRequiredService<ConsoleAssets>();
        var root = basePath + Path;
        // Routing matches "/console/" to this route as well as to the one below (a trailing slash is ignored), and
        // this one wins: it serves the page there, or "/console/" would be sent to itself.
        endpoints.MapGet(root, (HttpContext context) => context.Request.Path.Value?.EndsWith('/') == true
            ? Serve(context, assets, null)
            : Results.Redirect(root + "/"));
        endpoints.MapGet(root + "/{**path}", (HttpContext context, string? path) => Serve(context, assets, path));
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<WebUiOptions>>().Value.Path is null)
        {
            endpoints.MapGet(basePath + "/", () => Results.Redirect(root + "/"));
        }

        return endpoints;
    }

    private static IResult Serve(HttpContext context, ConsoleAssets assets, string? path)
    {
        if (!assets.TryGet(string.IsNullOrEmpty(path) ? ConsoleAssets.PagePath : path, out var asset))
        {
            return Results.NotFound();
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        // A new gateway build may bring new files: the browser keeps them but asks again, and gets a 304 while the
        // content is the same.
        headers.CacheControl = "no-cache";
        return Results.Bytes(asset.Content, asset.ContentType, entityTag: new EntityTagHeaderValue(asset.EntityTag));
    }
}
