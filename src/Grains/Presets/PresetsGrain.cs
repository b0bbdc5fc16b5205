using TorrentCluster.Abstractions.Presets;
using TorrentCluster.Grains.Hosting;
using TorrentCluster.Grains.Storage;
using TorrentCluster.Grains.Torrents;

namespace TorrentCluster.Grains.Presets;

internal sealed class PresetsGrain(
    [PersistentState("presets", StorageNames.Cluster)] IPersistentState<PresetsState> state,
    StorageRoots roots) : Grain, IPresetsGrain
{
    public Task<IReadOnlyDictionary<string, Preset>> ListAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, Preset>>(new SortedDictionary<string, Preset>(state.State.Presets, StringComparer.Ordinal));

    public async Task SetAsync(string name, Preset preset)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(preset);
        // Refused here, on the silo that keeps the presets, so that a bad preset fails when it is set. The path is
        // kept as given and checked again by every add, on the silo that writes the data: roots may differ per silo.
        roots.Resolve(preset.SavePath, "save_path");
        AddCommandValidation.RequireValidTags(preset.Tags);
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
