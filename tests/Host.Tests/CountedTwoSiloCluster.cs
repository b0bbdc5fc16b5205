using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.Hosting;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Host.Tests;

/// <summary>
/// A real two-silo Orleans cluster in this process (engines on 127.0.0.1, grain state in memory) whose silos
/// record every grain call they receive, with what it answered: what a gateway's fan-out costs the fleet.
/// </summary>
public sealed class CountedTwoSiloCluster : IAsyncLifetime
{
    private readonly ConcurrentQueue<ReceivedCall> _calls = new();

    public TempDirectory Root { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The calls received since the last <see cref="ForgetCalls"/>.</summary>
    public IReadOnlyList<ReceivedCall> Calls => [.. _calls];

    public void ForgetCalls() => _calls.Clear();

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((options, silo) =>
        {
            LoopbackSilos.Configure(silo, options.SiloName, Root.Path);
            silo.AddIncomingGrainCallFilter(async context =>
            {
                await context.Invoke();
                _calls.Enqueue(new ReceivedCall(context.InterfaceMethod.DeclaringType, context.MethodName, context.Result));
            });
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>A gateway's listing as the host wires it, over this cluster; by default it trusts a catalog count for an hour.</summary>
    public FleetTorrents Fleet(TimeSpan? catalogCountTtl = null)
    {
        var options = Options.Create(new GatewayOptions { CatalogCountTtl = catalogCountTtl ?? TimeSpan.FromHours(1) });
        return new FleetTorrents(
            new SiloDirectory(Grains, options, TimeProvider.System),
            Grains,
            new CatalogCount(Grains, options, TimeProvider.System),
            options,
            NullLogger<FleetTorrents>.Instance,
            TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Root.Dispose();
    }
}

/// <summary>One grain call a silo answered.</summary>
public sealed record ReceivedCall(Type? Interface, string Method, object? Result);
