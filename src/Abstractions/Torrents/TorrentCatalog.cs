namespace TorrentCluster.Abstractions.Torrents;

/// <summary>Which catalog shard holds a torrent.</summary>
public static class TorrentCatalog
{
    /// <summary>
    /// Fixed for the life of a cluster: changing it would orphan registrations. 64 shards keep each shard's
    /// state small (about 1,600 keys at 100,000 torrents) and let a restart reactivate in 64 parallel streams.
    /// </summary>
    public const int ShardCount = 64;

    /// <summary>The shard of a canonical info-hash: its first four hex digits, which are uniformly spread.</summary>
    public static int ShardOf(string canonicalInfoHash) =>
        Convert.ToInt32(canonicalInfoHash[..4], 16) % ShardCount;
}
