using Microsoft.Extensions.Options;
using TorrentCluster.Abstractions.Cluster;
using TorrentCluster.Gateway.JsonRpc;
using TorrentCluster.Gateway.Hosting;

namespace TorrentCluster.Gateway.Cluster;

/// <summary>
/// The active silos, asked of Orleans' management grain and reused for a couple of seconds, so a burst of fleet
/// calls does not turn that one grain into a hot spot.
/// </summary>
public sealed class SiloDirectory(IGrainFactory grains, IOptions<GatewayOptions> options, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (DateTimeOffset At, IReadOnlyList<ISiloGrain> Silos)? _cached;

    public async ValueTask<IReadOnlyList<ISiloGrain>> GetActiveAsync()
    {
        if (Fresh() is { } silos)
        {
            return silos;
        }

        await _refresh.WaitAsync();
        try
        {
            if (Fresh() is { } refreshed)
            {
                return refreshed;
            }

            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(5));
            var active = hosts.Keys
                .Select(address => grains.GetGrain<ISiloGrain>(address.ToParsableString()))
                .ToList();
            _cached = (clock.GetUtcNow(), active);
            return active;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Every active silo with its summary, asked in parallel, in name order.</summary>
    public async Task<IReadOnlyList<(ISiloGrain Silo, SiloSummary Summary)>> GetSummariesAsync()
    {
        var active = await GetActiveAsync();
        var summaries = await Task.WhenAll(active.Select(async silo => (silo, await silo.GetSummaryAsync().WaitAsync(TimeSpan.FromSeconds(5)))));
        return [.. summaries.OrderBy(entry => entry.Item2.Name, StringComparer.Ordinal)];
    }

    /// <summary>The active silo of this name (Porla's session), or Porla's "Session not found" (-10).</summary>
    public async Task<(ISiloGrain Silo, SiloSummary Summary)> FindAsync(string name)
    {
        foreach (var entry in await GetSummariesAsync())
        {
            if (entry.Summary.Name == name)
            {
                return entry;
            }
        }

        throw new JsonRpcException(JsonRpcErrorCodes.SiloNotFound, "Session not found", $"no active silo is named '{name}'");
    }

    /// <summary>The named silo, or every active silo when <paramref name="name"/> is null.</summary>
    public async Task<IReadOnlyList<(ISiloGrain Silo, SiloSummary Summary)>> SelectAsync(string? name) =>
        name is null ? await GetSummariesAsync() : [await FindAsync(name)];

    public void Dispose() => _refresh.Dispose();

    /// <summary>Forgets the cached list, e.g. after a call to a silo that is gone.</summary>
    public void Invalidate() => _cached = null;

    private IReadOnlyList<ISiloGrain>? Fresh() =>
        _cached is { } cached && clock.GetUtcNow() - cached.At < options.Value.SiloListTtl ? cached.Silos : null;
}
