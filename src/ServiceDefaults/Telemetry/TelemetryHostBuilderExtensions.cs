using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;

namespace TorrentCluster.ServiceDefaults.Telemetry;

/// <summary>
/// OpenTelemetry for every TorrentCluster process: metrics from Orleans, ASP.NET Core, the .NET runtime and our
/// meters, served for Prometheus at <c>/metrics</c>; traces from ASP.NET Core through Orleans' grain calls to the
/// engine. OTLP export (traces, metrics and structured logs) switches on with the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>. Each host names its own meters and activity sources (the gateway's, the
/// engine's); Orleans' and ASP.NET Core's come with every host.
/// </summary>
public static class TelemetryHostBuilderExtensions
{
    /// <summary>The meter of Orleans' own instruments.</summary>
    public const string OrleansMeterName = "Microsoft.Orleans";

    public static WebApplicationBuilder AddTorrentClusterTelemetry(
        this WebApplicationBuilder builder, string serviceName, IReadOnlyList<string> meters, IReadOnlyList<string> sources)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // An orchestrator that names each process (OTEL_SERVICE_NAME, as Aspire does for every silo) keeps its
        // names: OpenTelemetry's default resource reads them, and ours would merge three silos into one service.
        var named = !string.IsNullOrEmpty(builder.Configuration["OTEL_SERVICE_NAME"]);
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                if (!named)
                {
                    resource.AddService(serviceName, serviceInstanceId: Environment.MachineName);
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddMeter(OrleansMeterName);
                foreach (var meter in meters)
                {
                    metrics.AddMeter(meter);
                }

                metrics.AddPrometheusExporter();
            });
        if (!string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            // Traces only where a collector takes them: a tracer without an exporter still makes an activity for
            // every HTTP request, JSON-RPC call and grain call
            // (four for one torrents.peers.list), fills in its tags and drops it.
            otel.WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(options => options.Filter = context => !IsProbeOrScrape(context.Request.Path))
                    .AddSource(ActivitySources.AllActivitySourceName);
                foreach (var source in sources)
                {
                    tracing.AddSource(source);
                }
            });

            // Structured logs go to the same collector as traces and metrics (with their trace ids), only then:
            // the console stays the log of a process without a collector.
            otel.WithLogging(configureBuilder: null, configureOptions: logging =>
            {
                logging.IncludeFormattedMessage = true;
                logging.IncludeScopes = true;
            });
            otel.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>Serves the Prometheus scrape at <c>/metrics</c>.</summary>
    public static IEndpointRouteBuilder MapTorrentClusterMetrics(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPrometheusScrapingEndpoint("/metrics");
        return endpoints;
    }

    // Probes and scrapes every few seconds would drown the traces of real calls.
    private static bool IsProbeOrScrape(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") || path.StartsWithSegments("/metrics");
}
