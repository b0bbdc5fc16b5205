using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TorrentCluster.Grains.Engine;
using TorrentCluster.Grains.Events;
using TorrentCluster.Grains.Lifecycle;
using TorrentCluster.Grains.Persistence;
using TorrentCluster.Grains.Placement;
using TorrentCluster.Grains.Storage;
using TorrentCluster.Grains.Telemetry;

namespace TorrentCluster.Grains.Hosting;

/// <summary>Wires the torrent grains and the silo's one engine into a silo.</summary>
public static class TorrentClusterSiloBuilderExtensions
{
    /// <summary>
    /// Adds the engine (a singleton built from <see cref="SiloEngineOptions"/>, bound from
    /// <c>TorrentCluster:Engine</c> and validated at start), resume data and metainfo keeping, the placement strategies and the
    /// reactivation of every torrent when the silo starts, and the storage roots (<see cref="StorageOptions"/>, bound
    /// from <c>TorrentCluster:Storage</c>) that every caller-given folder must lie in. Grain storage named
    /// <see cref="StorageNames.Cluster"/> and a catalog store (<see cref="TorrentCatalogStoreExtensions"/>) must be
    /// configured by the host.
    /// </summary>
    public static ISiloBuilder AddTorrentClusterGrains(
        this ISiloBuilder silo, Action<SiloEngineOptions>? configure = null, Action<StorageOptions>? configureStorage = null)
    {
        var services = silo.Services;
        var options = services.AddOptions<SiloEngineOptions>().BindConfiguration(SiloEngineOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.AddSingleton<IValidateOptions<SiloEngineOptions>, SiloEngineOptionsValidator>();
        services.AddSingleton(provider => EngineFactory.Create(provider.GetRequiredService<IOptions<SiloEngineOptions>>().Value));
        var storage = services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
        if (configureStorage is not null)
        {
            storage.Configure(configureStorage);
        }

        storage.ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton(provider => StorageRoots.From(
            provider.GetRequiredService<IOptions<StorageOptions>>().Value, provider.GetRequiredService<IOptions<SiloEngineOptions>>().Value));
        services.AddOptions<PlacementOptions>().BindConfiguration(PlacementOptions.SectionName);
        services.AddSingleton<ResumeDataStore>();
        services.AddSingleton<MetainfoStore>();
        services.AddSingleton<HostedTorrentRegistry>();
        services.AddSingleton<SiloTorrentSummaries>();
        services.AddSingleton<SiloPeerCache>();
        services.AddSingleton<EngineStatsHistory>();
        services.AddHostedService(provider => provider.GetRequiredService<EngineStatsHistory>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<ResumeDataPersister>();
        services.AddHostedService<MetainfoPersister>();
        services.AddHostedService<EngineMetrics>();
        silo.AddIncomingGrainCallFilter<TorrentLogScopeFilter>();
        silo.AddActivityPropagation();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, TorrentReactivation>();
        services.AddSingleton<ShutdownResumeData>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(provider => provider.GetRequiredService<ShutdownResumeData>());
        services.AddTorrentPlacement();
        services.AddTorrentEvents();
        return silo;
    }
}
