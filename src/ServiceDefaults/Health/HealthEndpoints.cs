using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TorrentCluster.ServiceDefaults.Health;

/// <summary>
/// Kubernetes' probes: <c>/healthz</c> answers 200 while the process serves at all (liveness, no checks, so a
/// Redis outage never restarts pods); <c>/readyz</c> runs the checks tagged "ready" and answers 503 until all pass.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapTorrentClusterHealth(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReportAsync,
        });
        return endpoints;
    }

    // "Healthy" or "Unhealthy" first, as probes and people read it, then one line per check with its reason.
    private static Task WriteReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var lines = report.Entries.Select(entry => $"{entry.Key}: {entry.Value.Status} {entry.Value.Description}");
        return context.Response.WriteAsync($"{report.Status}\n{string.Join('\n', lines)}\n");
    }
}
