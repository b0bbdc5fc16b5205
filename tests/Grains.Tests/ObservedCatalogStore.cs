using TorrentCluster.Grains.Catalog;

namespace TorrentCluster.Grains.Tests;

/// <summary>The catalog's store, noting each change once the store has taken it (durable from then on).</summary>
internal sealed class ObservedCatalogStore(ITorrentCatalogStore inner, PersistenceEvents events) : ITorrentCatalogStore
{
    public const string Name = "catalog";

    public Task<IReadOnlyDictionary<string, string?>> LoadAsync(int shard) => inner.LoadAsync(shard);

    public async Task ApplyAsync(int shard, IReadOnlyList<CatalogChange> changes)
    {
        await inner.ApplyAsync(shard, changes);
        foreach (var change in changes)
        {
            events.Add(Name, change.Removed ? "removed" : "set", change.InfoHash);
        }
    }
}
