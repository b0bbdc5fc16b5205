namespace TorrentCluster.Abstractions.Presets;

/// <summary>The cluster's presets, kept durably in cluster storage. One grain (key 0): presets are few and small.</summary>
public interface IPresetsGrain : IGrainWithIntegerKey
{
    /// <summary>Every preset by name.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyDictionary<string, Preset>> ListAsync();

    /// <summary>Creates or replaces a preset.</summary>
    Task SetAsync(string name, Preset preset);

    /// <summary>Removes a preset; false when there was none of that name.</summary>
    Task<bool> RemoveAsync(string name);
}
