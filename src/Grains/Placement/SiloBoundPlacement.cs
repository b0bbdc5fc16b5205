using Orleans.Placement;
namespace TorrentCluster.Grains.Placement;

/// <summary>
/// Places a grain on the silo whose address is the grain's key, for per-silo views answered from local state.
/// </summary>
[GenerateSerializer, Immutable]
public sealed class SiloBoundPlacement : PlacementStrategy
{
    internal static SiloBoundPlacement Instance { get; } = new();
}

/// <summary>Places a grain with <see cref="SiloBoundPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SiloBoundPlacementAttribute() : PlacementAttribute(SiloBoundPlacement.Instance);
