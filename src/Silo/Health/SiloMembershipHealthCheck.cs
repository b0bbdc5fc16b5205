using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace TorrentCluster.Silo.Health;

/// <summary>Ready once this silo has joined the cluster (active in membership) and until it starts leaving.</summary>
internal sealed class SiloMembershipHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"silo {silo.Name} is active")
            : HealthCheckResult.Unhealthy($"silo {silo.Name} is {status.ToString().ToLowerInvariant()}"));
    }
}
