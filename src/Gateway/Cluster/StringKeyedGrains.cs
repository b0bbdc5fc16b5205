namespace TorrentCluster.Gateway.Cluster;

/// <summary>
/// References to the grains of one string-keyed interface, made without Orleans' per-call type lookup:
/// <c>IGrainFactory.GetGrain&lt;T&gt;(key)</c> resolves the interface by reflection over its attributes and by parsing
/// its type name on every call (a twelfth of a <c>torrents.peers.list</c> call's CPU). The interface's grain type is
/// resolved once, the first time it succeeds, and each reference is then made from its id.
/// </summary>
public sealed class StringKeyedGrains<TGrain>(IGrainFactory grains)
    where TGrain : IGrainWithStringKey
{
    // Published once whole; a lost race resolves the same types twice, which is harmless.
    private GrainTypes? _types;

    /// <summary>The grain with <paramref name="key"/>: the same reference as <c>GetGrain&lt;TGrain&gt;(key)</c>.</summary>
    public TGrain Get(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var types = Volatile.Read(ref _types) ?? Resolve(key);
        return (TGrain)grains.GetGrain(GrainId.Create(types.Grain, key), types.Interface);
    }

    // Not resolved at start: a standalone gateway learns the grain types from the cluster's manifest once connected,
    // and a failure here (no silo yet) is thrown to that caller, not remembered.
    private GrainTypes Resolve(string key)
    {
        var reference = (GrainReference)(object)grains.GetGrain<TGrain>(key);
        var types = new GrainTypes(reference.GrainId.Type, reference.InterfaceType);
        Volatile.Write(ref _types, types);
        return types;
    }

    private sealed record GrainTypes(GrainType Grain, GrainInterfaceType Interface);
}
