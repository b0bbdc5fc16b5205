using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TorrentCluster.Gateway.Health;

/// <summary>Ready while the gateway reaches the cluster: a silo answers the management grain within two seconds.</summary>
public sealed class ClusterClientHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellationToken).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s)")
                : HealthCheckResult.Unhealthy("no active silo");
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException or SiloUnavailableException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"the cluster does not answer: {exception.Message}");
        }
    }
}
