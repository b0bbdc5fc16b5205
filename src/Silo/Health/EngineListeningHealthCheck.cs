using Microsoft.Extensions.Diagnostics.HealthChecks;
using TorrentCluster.Engine;

namespace TorrentCluster.Silo.Health;

/// <summary>Ready while the engine listens for peers: a silo peers cannot reach is of no use to the fleet.</summary>
internal sealed class EngineListeningHealthCheck(TorrentEngine engine) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var port = engine.ListenPort;
        return Task.FromResult(port > 0
            ? HealthCheckResult.Healthy($"the engine listens on port {port}")
            : HealthCheckResult.Unhealthy("the engine is not listening"));
    }
}
