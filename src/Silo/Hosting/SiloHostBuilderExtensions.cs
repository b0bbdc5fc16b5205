using System.Net;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using TorrentCluster.Gateway.FleetConsole;
using StackExchange.Redis;
using TorrentCluster.Gateway.Auth;
using TorrentCluster.Gateway.ClusterSecurity;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TorrentCluster.Gateway.Hosting;
using TorrentCluster.Gateway.Telemetry;
using TorrentCluster.Grains.Telemetry;
using TorrentCluster.ServiceDefaults.Health;
using TorrentCluster.ServiceDefaults.Telemetry;
using TorrentCluster.Silo.Health;
using TorrentCluster.Grains.Hosting;
using TorrentCluster.Silo.Auth;
using TorrentCluster.Silo.Membership;
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
        var clusterMode = cluster.Mode == ClusterMode.Redis;
        var tls = ClusterCertificates.FromConfiguration(builder.Configuration, clusterMode);
        builder.Services.AddClusterSecurityNotice(tls, clusterMode, cluster.Redis);

        builder.UseOrleans(silo =>
        {
            silo.Configure<SiloOptions>(options => options.SiloName = cluster.SiloName ?? Environment.MachineName);
            silo.Services.AddClusterConnectionLiveness();
            // A client whose connection died is forgotten (its queued answers refused, its route withdrawn from the
            // cluster's client directory) after this, rather than Orleans' minute: until then, answers to that client
            // keep being routed through this silo, where they wait for a reconnection that a cut link never brings.
            silo.Configure<SiloMessagingOptions>(options => options.ClientDropTimeout = cluster.ClientDropTimeout);
            if (tls is not null)
            {
                // Both of the silo's ports, and its connections to other silos.
                silo.UseTls(tls.ApplyTo);
            }

            if (cluster.Mode == ClusterMode.Redis)
            {
                UseRedis(silo, cluster);
            }
            else
            {
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
                var statePath = cluster.StatePath ?? Path.Combine(dataPath, "state");
                silo.AddFileGrainStorage(StorageNames.Cluster, options => options.RootPath = statePath);
                silo.AddJournalTorrentCatalog(Path.Combine(statePath, "catalog"));
            }

            silo.UseCompactJsonGrainState();
            silo.AddTorrentClusterGrains();
            // Collected on every silo, shown by whichever gateway serves the console (this one or a standalone one).
            silo.AddTorrentClusterDashboard();
            if (cluster.Kubernetes)
            {
                // Pod names are stable in a StatefulSet, so they make good home-silo names.
                silo.UseKubernetesHosting();
            }
        });

        // The gateway's signals too: the embedded default serves it from this process.
        builder.AddTorrentClusterTelemetry(
            "torrentcluster-silo",
            meters: [EngineTelemetry.MeterName, RpcTelemetry.MeterName],
            sources: [EngineTelemetry.SourceName, RpcTelemetry.SourceName]);
        var health = builder.Services.AddHealthChecks()
            .AddCheck<SiloMembershipHealthCheck>("membership", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<EngineListeningHealthCheck>("engine", tags: [HealthEndpoints.ReadyTag]);
        if (cluster.Mode == ClusterMode.Redis && cluster.Redis is { } redis)
        {
            // One Redis connection for readiness and for the isolation fence.
            builder.Services.AddSingleton(_ => new RedisHealthCheck(redis));
            health.Add(new HealthCheckRegistration("redis", provider => provider.GetRequiredService<RedisHealthCheck>(), HealthStatus.Unhealthy, [HealthEndpoints.ReadyTag]));
            builder.Services.AddOptions<IsolationFenceOptions>().BindConfiguration(IsolationFenceOptions.SectionName);
            builder.Services.AddHostedService<IsolationFence>();
        }

        if (cluster.HostGateway)
        {
            builder.Services.AddTorrentClusterGateway();
            if (cluster.Mode == ClusterMode.Embedded)
            {
                var stateFolder = cluster.StatePath ?? Path.Combine(dataPath, "state");
                builder.Services.PostConfigure<AuthOptions>(auth =>
                {
                    if (auth.Enabled && string.IsNullOrEmpty(auth.Secret))
                    {
                        auth.Secret = EmbeddedAuthSecret.LoadOrCreate(stateFolder);
                    }

                    auth.SetupCodeFile ??= Path.Combine(stateFolder, "setup-code");
                });
            }
        }

        return builder;
    }

    public static WebApplication MapTorrentClusterSilo(this WebApplication app)
    {
        app.MapTorrentClusterHealth();
        app.MapTorrentClusterMetrics();
        if (app.Services.GetRequiredService<IOptions<ClusterHostOptions>>().Value.HostGateway)
        {
            app.MapTorrentClusterGateway();
        }

        return app;
    }

    private static void UseRedis(ISiloBuilder silo, ClusterHostOptions cluster)
    {
        var redis = ConfigurationOptions.Parse(cluster.Redis
            ?? throw new InvalidOperationException($"{ClusterHostOptions.SectionName}:Redis is required in Redis mode (a StackExchange.Redis connection string such as 127.0.0.1:6379)"));
        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = cluster.ClusterId;
            options.ServiceId = cluster.ServiceId;
        });
        var advertised = IPAddress.Parse(cluster.AdvertisedAddress ?? "127.0.0.1");
        silo.ConfigureEndpoints(advertised, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(advertised));
        silo.UseRedisClustering(options => options.ConfigurationOptions = redis.Clone());
        var failFast = FailingFastWhileDisconnected(redis);
        silo.AddRedisGrainStorage(StorageNames.Cluster, options => options.ConfigurationOptions = failFast.Clone());
        silo.AddRedisTorrentCatalog(failFast);
        silo.UseRedisReminderService(options => options.ConfigurationOptions = redis.Clone());
        silo.Configure<ClusterMembershipOptions>(options =>
        {
            options.ProbeTimeout = cluster.ProbeTimeout;
            options.NumMissedProbesLimit = cluster.MissedProbesLimit;
            options.MaxProbeTimeout = cluster.MaxProbeTimeout;
        });
    }

    // Records and catalog entries are written fail-fast: by default StackExchange.Redis queues a command while Redis
    // is unreachable and sends it once Redis is back, so an add whose caller had already been answered -32000 (the
    // gateway's call timeout passed while the write waited) landed later, alive in an engine and in the catalog.
    // Failing at once, the add undoes itself and the answer stays true. Membership and reminders keep the queue:
    // their writes are conditional or idempotent, and Orleans retries them.
    private static ConfigurationOptions FailingFastWhileDisconnected(ConfigurationOptions redis)
    {
        var failFast = redis.Clone();
        failFast.BacklogPolicy = BacklogPolicy.FailFast;
        return failFast;
    }
}
