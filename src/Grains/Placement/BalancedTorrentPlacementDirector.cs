using Orleans.Runtime.Placement;

namespace TorrentCluster.Grains.Placement;

/// <summary>
/// Puts a torrent on the silo named in the request context (<see cref="TargetSilo"/>: its home, or a silo the caller
/// chose) while that silo is alive, and a new torrent on a lightly loaded compatible silo as
/// <see cref="SiloTorrentCounts"/> sees it. Answers at once: the counts are read in the background, never here.
/// </summary>
internal sealed class BalancedTorrentPlacementDirector(SiloTorrentCounts counts, ISiloStatusOracle silos) : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var compatible = context.GetCompatibleSilos(target);
        if (compatible.Length == 0)
        {
            throw new OrleansException($"No silo can host {target.GrainIdentity}");
        }

        if (Home(target, compatible) is { } home)
        {
            return Task.FromResult(home);
        }

        return Task.FromResult(compatible.Length == 1 ? compatible[0] : counts.Choose(compatible));
    }

    private SiloAddress? Home(PlacementTarget target, SiloAddress[] compatible)
    {
        if (target.RequestContextData?.GetValueOrDefault(TargetSilo.RequestContextKey) is not string home)
        {
            return null;
        }

        return compatible.FirstOrDefault(silo => silos.TryGetSiloName(silo, out var name) && name == home);
    }
}
