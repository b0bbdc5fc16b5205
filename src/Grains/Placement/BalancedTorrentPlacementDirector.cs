using Orleans.Runtime.Placement;

namespace TorrentCluster.Grains.Placement;

/// <summary>
/// Takes the compatible silos in a stable order and deals new torrents out in turn, so consecutive adds land
/// on different silos whichever silo places them.
/// </summary>
internal sealed class BalancedTorrentPlacementDirector : IPlacementDirector
{
    private int _next = -1;

    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target);
        if (silos.Length == 0)
        {
            throw new OrleansException($"No silo can host {target.GrainIdentity}");
        }

        Array.Sort(silos, static (left, right) => string.CompareOrdinal(left.ToParsableString(), right.ToParsableString()));
        var turn = (uint)Interlocked.Increment(ref _next);
        return Task.FromResult(silos[turn % (uint)silos.Length]);
    }
}
