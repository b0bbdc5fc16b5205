using Orleans.TestingHost;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Grains.Tests;

/// <summary>
/// A real two-silo Orleans cluster in this process, each silo with its own libtorrent engine on 127.0.0.1
/// (DHT, LSD and uTP off) and its own data folder.
/// </summary>
public sealed class TwoSiloCluster : IAsyncLifetime
{
    public TempDirectory Root { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((options, silo) => LoopbackSilos.Configure(silo, options.SiloName, Root.Path));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Root.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class TwoSiloClusterCollection : ICollectionFixture<TwoSiloCluster>
{
    public const string Name = "two-silo cluster";
}
