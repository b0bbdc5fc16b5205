namespace TorrentCluster.Grains.Catalog;

/// <summary>
/// Where the catalog's shards live, entry by entry: a change costs a write the size of the entries it names, however
/// many torrents the shard holds. The catalog grain of a shard is its only writer.
/// </summary>
public interface ITorrentCatalogStore
{
    /// <summary>Every entry of a shard: info-hash and home silo (null when none was recorded).</summary>
    Task<IReadOnlyDictionary<string, string?>> LoadAsync(int shard);

    /// <summary>Applies changes to a shard, in order.</summary>
    Task ApplyAsync(int shard, IReadOnlyList<CatalogChange> changes);
}
