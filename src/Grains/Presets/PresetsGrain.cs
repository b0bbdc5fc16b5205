using TorrentCluster.Abstractions.Presets;
using TorrentCluster.Grains.Hosting;

namespace TorrentCluster.Grains.Presets;

internal sealed class PresetsGrain(
    [PersistentState("presets", StorageNames.Cluster)] IPersistentState<PresetsState> state) : Grain, IPresetsGrain
{
    public Task<IReadOnlyDictionary<string, Preset>> ListAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, Preset>>(new SortedDictionary<string, Preset>(state.State.Presets, StringComparer.Ordinal));

    public async Task SetAsync(string name, Preset preset)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(preset);
        state.State.Presets[name] = preset;
        await state.WriteStateAsync();
    }

    public async Task<bool> RemoveAsync(string name)
    {
        if (!state.State.Presets.Remove(name))
        {
            return false;
        }

        await state.WriteStateAsync();
        return true;
    }
}

/// <summary>The stored presets.</summary>
[GenerateSerializer]
public sealed class PresetsState
{
    [Id(0)] public Dictionary<string, Preset> Presets { get; set; } = new(StringComparer.Ordinal);
}
