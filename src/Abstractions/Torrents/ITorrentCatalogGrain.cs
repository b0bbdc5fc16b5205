namespace TorrentCluster.Abstractions.Torrents;

/// <summary>
/// One shard of the durable list of every torrent in the cluster (shard = a stable hash of the key modulo
/// <see cref="TorrentCatalog.ShardCount"/>). It is what brings torrents back after a restart: nothing else
/// remembers that a torrent whose grain is not active exists.
/// </summary>
public interface ITorrentCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>Records a torrent and its home silo (or the new home of a torrent that moved).</summary>
    Task RegisterAsync(string infoHash, string homeSilo);

    /// <summary>Forgets a torrent.</summary>
    Task UnregisterAsync(string infoHash);

    /// <summary>Every torrent of this shard.</summary>
    Task<IReadOnlyList<CatalogEntry>> ListAsync();

    /// <summary>How many torrents this shard holds.</summary>
    Task<int> CountAsync();

    /// <summary>
    /// Activates every torrent of this shard on its home silo, in parallel batches; a torrent whose home is gone
    /// waits for it for the re-home grace period, then activates wherever placement puts it. Returns how many exist.
    /// </summary>
    Task<int> EnsureTorrentsActiveAsync();
}
