using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Configuration;
using TorrentCluster.Gateway.FleetConsole;
using TorrentCluster.Gateway.ClusterSecurity;
using TorrentCluster.Gateway.Health;
using TorrentCluster.ServiceDefaults.Health;

namespace TorrentCluster.Gateway.Hosting;

/// <summary>Connects the standalone gateway to the cluster.</summary>
public static class ClusterClientBuilderExtensions
{
    /// <summary>
    /// An Orleans client that finds silo gateways in Redis (cluster mode), or on localhost when no Redis is
    /// configured, and keeps retrying while the cluster is down so the gateway outlives silo restarts. In cluster
    /// mode it speaks mutual TLS to the silos (<see cref="ClusterTlsOptions"/>).
    /// </summary>
    public static WebApplicationBuilder AddTorrentClusterClient(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ClusterClientOptions.SectionName).Get<ClusterClientOptions>() ?? new ClusterClientOptions();
        var clusterMode = options.Redis is { Length: > 0 };
        var tls = ClusterCertificates.FromConfiguration(builder.Configuration, clusterMode);
        builder.Services.AddClusterSecurityNotice(tls, clusterMode, options.Redis);
        builder.UseOrleansClient(client =>
        {
            if (tls is not null)
            {
                client.UseTls(tls.ApplyTo);
            }

            // Grain calls join the caller's trace: one trace from the HTTP request to the engine call.
            client.AddActivityPropagation();
            client.Configure<Orleans.Configuration.GatewayOptions>(gateways => gateways.GatewayListRefreshPeriod = options.GatewayListRefreshPeriod);
            client.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = options.CallTimeout);
            client.Configure<ConnectionOptions>(connections => connections.OpenConnectionTimeout = options.ConnectTimeout);
            client.Services.AddClusterConnectionLiveness();
            // The console's Orleans page reads what the silos' dashboard collects (every silo adds it).
            client.AddTorrentClusterDashboard();
            if (options.Redis is { Length: > 0 } redis)
            {
                client.Configure<ClusterOptions>(cluster =>
                {
                    cluster.ClusterId = options.ClusterId;
                    cluster.ServiceId = options.ServiceId;
                });
                client.UseRedisClustering(redis);
            }
            else
            {
                client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId);
            }
        });
        builder.Services.AddHealthChecks().AddCheck<ClusterClientHealthCheck>("cluster", tags: [HealthEndpoints.ReadyTag]);
        if (options.Redis is { Length: > 0 } connection)
        {
            builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
                "redis", _ => new RedisHealthCheck(connection), HealthStatus.Unhealthy, [HealthEndpoints.ReadyTag]));
        }

        return builder;
    }
}
