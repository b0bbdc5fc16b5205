using TorrentCluster.Abstractions.Presets;

namespace TorrentCluster.Gateway.UnitTests;

/// <summary>The cluster's presets, held in a dictionary for one test.</summary>
internal sealed class InMemoryPresetsGrain(IReadOnlyDictionary<string, Preset> presets) : IPresetsGrain
{
    public Task<IReadOnlyDictionary<string, Preset>> ListAsync() => Task.FromResult(presets);

    public Task SetAsync(string name, Preset preset) => throw new NotSupportedException("the presets of a merge test are fixed");

    public Task<bool> RemoveAsync(string name) => throw new NotSupportedException("the presets of a merge test are fixed");
}
