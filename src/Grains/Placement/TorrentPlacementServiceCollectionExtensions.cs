using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TorrentCluster.Grains.Placement;

/// <summary>Wires the torrent cluster's placement strategies into a silo.</summary>
internal static class TorrentPlacementServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="BalancedTorrentPlacement"/> with the counts it reads (refreshed as
    /// <see cref="TorrentCountOptions"/>, bound from <c>TorrentCluster:Placement:Counts</c> and validated at start)
    /// and <see cref="SiloBoundPlacement"/>.
    /// </summary>
    public static IServiceCollection AddTorrentPlacement(this IServiceCollection services)
    {
        services.AddOptions<TorrentCountOptions>().BindConfiguration(TorrentCountOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TorrentCountOptions>, TorrentCountOptionsValidator>();
        services.AddSingleton<SiloTorrentCounts>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, TorrentCountRefresher>();
        services.AddPlacementDirector<BalancedTorrentPlacement, BalancedTorrentPlacementDirector>();
        services.AddPlacementDirector<SiloBoundPlacement, SiloBoundPlacementDirector>();
        return services;
    }
}
