using Orleans.Configuration;

namespace TorrentCluster.Gateway.Hosting;

/// <summary>Connects the standalone gateway to the cluster.</summary>
public static class ClusterClientBuilderExtensions
{
    /// <summary>
    /// An Orleans client that finds silo gateways in Redis (cluster mode), or on localhost when no Redis is
    /// configured, and keeps retrying while the cluster is down so the gateway outlives silo restarts.
    /// </summary>
    public static WebApplicationBuilder AddTorrentClusterClient(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ClusterClientOptions.SectionName).Get<ClusterClientOptions>() ?? new ClusterClientOptions();
        builder.UseOrleansClient(client =>
        {
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
        return builder;
    }
}
