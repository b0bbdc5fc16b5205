using Orleans.Configuration;
using Microsoft.Extensions.Options;
using TorrentCluster.Gateway.Hosting;
using TorrentCluster.Grains.Hosting;
using TorrentCluster.Silo.Storage;

namespace TorrentCluster.Silo.Hosting;

/// <summary>Turns a web application builder into a TorrentCluster silo (and, by default, its gateway).</summary>
public static class SiloHostBuilderExtensions
{
    public static WebApplicationBuilder AddTorrentClusterSilo(this WebApplicationBuilder builder)
    {
        var cluster = builder.Configuration.GetSection(ClusterHostOptions.SectionName).Get<ClusterHostOptions>() ?? new ClusterHostOptions();
        builder.Services.AddOptions<ClusterHostOptions>().BindConfiguration(ClusterHostOptions.SectionName);
        var dataPath = builder.Configuration[$"{SiloEngineOptions.SectionName}:DataPath"] ?? "data";
        var statePath = cluster.StatePath ?? Path.Combine(dataPath, "state");

        builder.UseOrleans(silo =>
        {
            silo.Configure<SiloOptions>(options => options.SiloName = cluster.SiloName ?? Environment.MachineName);
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
            silo.AddFileGrainStorage(StorageNames.Cluster, options => options.RootPath = statePath);
            silo.AddTorrentClusterGrains();
        });

        if (cluster.HostGateway)
        {
            builder.Services.AddTorrentClusterGateway();
        }

        return builder;
    }

    public static WebApplication MapTorrentClusterSilo(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ClusterHostOptions>>().Value.HostGateway)
        {
            app.MapTorrentClusterGateway();
        }

        return app;
    }
}
