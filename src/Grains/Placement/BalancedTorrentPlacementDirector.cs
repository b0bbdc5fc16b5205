using Orleans.Runtime.Placement;
using TorrentCluster.Abstractions.Cluster;

namespace TorrentCluster.Grains.Placement;

/// <summary>
/// Puts a torrent on its home silo (named in the request context by the catalog) while that silo is alive, and a
/// new torrent on the compatible silo hosting the fewest torrents. Counts come from each silo's own view (one call
/// per silo, at most every two seconds) and are raised locally at every placement, so a burst of adds spreads
/// instead of piling onto the silo that looked emptiest a moment ago.
/// </summary>
internal sealed class BalancedTorrentPlacementDirector(IGrainFactory grains, ISiloStatusOracle silos, TimeProvider clock) : IPlacementDirector
{
    private static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RefreshTimeout = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private Dictionary<SiloAddress, int> _torrentsPerSilo = [];
    private DateTimeOffset _refreshedAt = DateTimeOffset.MinValue;

    public async Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var compatible = context.GetCompatibleSilos(target);
        if (compatible.Length == 0)
        {
            throw new OrleansException($"No silo can host {target.GrainIdentity}");
        }

        if (Home(target, compatible) is { } home)
        {
            return home;
        }

        if (compatible.Length == 1)
        {
            return compatible[0];
        }

        if (clock.GetUtcNow() - _refreshedAt > RefreshAfter)
        {
            await RefreshAsync(compatible);
        }

        lock (_gate)
        {
            var chosen = compatible
                .OrderBy(silo => _torrentsPerSilo.GetValueOrDefault(silo))
                .ThenBy(silo => silo.ToParsableString(), StringComparer.Ordinal)
                .First();
            _torrentsPerSilo[chosen] = _torrentsPerSilo.GetValueOrDefault(chosen) + 1;
            return chosen;
        }
    }

    private SiloAddress? Home(PlacementTarget target, SiloAddress[] compatible)
    {
        if (target.RequestContextData?.GetValueOrDefault(HomeSilo.RequestContextKey) is not string home)
        {
            return null;
        }

        return compatible.FirstOrDefault(silo => silos.TryGetSiloName(silo, out var name) && name == home);
    }

    // A silo that does not answer in time keeps its last count: placement must not wait on a sick silo.
    private async Task RefreshAsync(SiloAddress[] compatible)
    {
        _refreshedAt = clock.GetUtcNow();
        var counts = await Task.WhenAll(compatible.Select(async silo =>
        {
            try
            {
                var summary = await grains.GetGrain<ISiloGrain>(silo.ToParsableString()).GetSummaryAsync().WaitAsync(RefreshTimeout);
                return (Silo: silo, Count: (int?)summary.Torrents);
            }
            catch (Exception exception) when (exception is TimeoutException or OrleansException)
            {
                return (Silo: silo, Count: null);
            }
        }));

        lock (_gate)
        {
            var refreshed = new Dictionary<SiloAddress, int>();
            foreach (var (silo, count) in counts)
            {
                refreshed[silo] = count ?? _torrentsPerSilo.GetValueOrDefault(silo);
            }

            _torrentsPerSilo = refreshed;
        }
    }
}
