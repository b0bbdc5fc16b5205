using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using TorrentCluster.Grains.Catalog;
using TorrentCluster.Grains.Hosting;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Grains.Tests;

/// <summary>
/// A one-silo cluster in this process as <see cref="LoopbackSilos"/> sets it up (real engine, journal catalog,
/// state in memory), whose grain storage and catalog store note their writes in order and whose torrent records
/// can be made to fail or wait.
/// </summary>
public sealed class ObservedStorageCluster : IAsyncLifetime
{
    private const string InnerStorage = "observed-inner";

    public TempDirectory Root { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    internal PersistenceEvents Events { get; } = new();

    internal ObservedGrainStorage Storage => (ObservedGrainStorage)Cluster.Silos[0].ServiceProvider
        .GetRequiredKeyedService<IGrainStorage>(StorageNames.Cluster);

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((options, silo) =>
        {
            LoopbackSilos.Configure(silo, options.SiloName, Root.Path);
            // Registered after LoopbackSilos' own, so these are the ones the silo resolves.
            silo.AddMemoryGrainStorage(InnerStorage);
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Cluster, (services, _) =>
                new ObservedGrainStorage(services.GetRequiredKeyedService<IGrainStorage>(InnerStorage), Events));
            silo.Services.AddSingleton<ITorrentCatalogStore>(
                new ObservedCatalogStore(new JournalCatalogStore(Path.Combine(Root.Path, "catalog")), Events));
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Root.Dispose();
    }
}
