using Microsoft.Extensions.Options;

namespace TorrentCluster.Gateway.WebUi;

/// <summary>Serves the UI folder at the base path, when one is configured, below every API route in precedence.</summary>
public static class WebUiEndpoints
{
    public static IEndpointRouteBuilder MapTorrentClusterWebUi(this IEndpointRouteBuilder endpoints, string basePath)
    {
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<WebUiOptions>>().Value.Path is null)
        {
            return endpoints;
        }

        var files = endpoints.ServiceProvider.GetRequiredService<WebUiFiles>();
        endpoints.MapGet($"{basePath}/{{**path}}", (HttpContext context, string? path) => files.Serve(context, path));
        return endpoints;
    }
}
