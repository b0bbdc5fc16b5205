using Orleans.Placement;
namespace TorrentCluster.Grains.Placement;

/// <summary>
/// Spreads torrents over the silos by load (torrents hosted) instead of piling them on the silo that took the call.
/// </summary>
[GenerateSerializer, Immutable]
public sealed class BalancedTorrentPlacement : PlacementStrategy
{
    internal static BalancedTorrentPlacement Instance { get; } = new();
}

/// <summary>Places a grain with <see cref="BalancedTorrentPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class BalancedTorrentPlacementAttribute() : PlacementAttribute(BalancedTorrentPlacement.Instance);
