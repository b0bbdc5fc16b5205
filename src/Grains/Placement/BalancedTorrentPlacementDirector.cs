using Orleans.Runtime.Placement;
using TorrentCluster.Abstractions.Cluster;

namespace TorrentCluster.Grains.Placement;

/// <summary>
/// Puts a new torrent on the compatible silo hosting the fewest torrents. Counts come from each silo's own view
/// (one call per silo, at most every two seconds) and are raised locally at every placement, so a burst of adds
/// spreads instead of piling onto the silo that looked emptiest a moment ago.
/// </summary>
internal sealed class BalancedTorrentPlacementDirector(IGrainFactory grains, TimeProvider clock) : IPlacementDirector
{
    private static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RefreshTimeout = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private Dictionary<SiloAddress, int> _torrentsPerSilo = [];
    private DateTimeOffset _refreshedAt = DateTimeOffset.MinValue;

    public async Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target);
        if (silos.Length == 0)
        {
            throw new OrleansException($"No silo can host {target.GrainIdentity}");
        }

        if (silos.Length == 1)
        {
            return silos[0];
        }

        if (clock.GetUtcNow() - _refreshedAt > RefreshAfter)
        {
            await RefreshAsync(silos);
        }

        lock (_gate)
        {
            var chosen = silos
                .OrderBy(silo => _torrentsPerSilo.GetValueOrDefault(silo))
                .ThenBy(silo => silo.ToParsableString(), StringComparer.Ordinal)
                .First();
            _torrentsPerSilo[chosen] = _torrentsPerSilo.GetValueOrDefault(chosen) + 1;
            return chosen;
        }
    }

    // A silo that does not answer in time keeps its last count: placement must not wait on a sick silo.
    private async Task RefreshAsync(SiloAddress[] silos)
    {
        _refreshedAt = clock.GetUtcNow();
        var counts = await Task.WhenAll(silos.Select(async silo =>
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
