using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Grains.Hosting;

namespace TorrentCluster.Grains.Torrents;

/// <summary>The v2 half of a hybrid torrent's info-hash, pointing at its canonical key.</summary>
internal sealed class InfoHashAliasGrain(
    [PersistentState("alias", StorageNames.Cluster)] IPersistentState<InfoHashAlias> alias) : Grain, IInfoHashAliasGrain
{
    public Task<string?> GetCanonicalAsync() => Task.FromResult(alias.State.Canonical);

    public async Task SetCanonicalAsync(string canonical)
    {
        alias.State.Canonical = canonical;
        await alias.WriteStateAsync();
    }

    public async Task ClearAsync()
    {
        await alias.ClearStateAsync();
        alias.State = new InfoHashAlias();
    }
}

/// <summary>The persisted alias.</summary>
[GenerateSerializer]
public sealed class InfoHashAlias
{
    [Id(0)] public string? Canonical { get; set; }
}
