using TorrentCluster.Gateway.ClusterSecurity;

namespace TorrentCluster.Gateway.Hosting;

/// <summary>Registers what a silo or a standalone gateway says at start about the cluster's private zone.</summary>
public static class ClusterSecurityServiceCollectionExtensions
{
    public static IServiceCollection AddClusterSecurityNotice(this IServiceCollection services, ClusterCertificates? tls, bool clusterMode, string? redis)
    {
        services.AddSingleton(new ClusterSecurityNotice.Settings(tls, clusterMode, redis));
        services.AddHostedService<ClusterSecurityNotice>();
        return services;
    }
}
