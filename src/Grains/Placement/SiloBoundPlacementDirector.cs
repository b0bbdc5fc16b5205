using Orleans.Runtime.Placement;
using TorrentCluster.Abstractions.Errors;

namespace TorrentCluster.Grains.Placement;

/// <summary>Places the grain on the silo its key names, and nowhere else.</summary>
internal sealed class SiloBoundPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var key = target.GrainIdentity.Key.ToString();
        var silos = context.GetCompatibleSilos(target);
        foreach (var silo in silos)
        {
            if (silo.ToParsableString() == key)
            {
                return Task.FromResult(silo);
            }
        }

        throw new TorrentClusterException(ClusterErrorCode.SiloNotFound, $"Silo {key} is not active in the cluster");
    }
}
