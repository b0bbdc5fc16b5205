using System.Globalization;
using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Grains.Tests;

/// <summary>Made-up info-hashes that all fall into one catalog shard, as many torrents of a large farm do.</summary>
internal static class CatalogKeys
{
    /// <summary><paramref name="count"/> distinct v1 keys of <paramref name="shard"/>, the same ones for the same arguments.</summary>
    public static IReadOnlyList<string> InShard(int shard, int count, int salt = 0)
    {
        // ShardOf reads the first four hex digits: pick them so that they land in the shard, vary the rest.
        var prefix = (shard + TorrentCatalog.ShardCount * 7).ToString("x4", CultureInfo.InvariantCulture);
        var keys = Enumerable.Range(0, count)
            .Select(i => prefix + (((long)salt << 32) | (uint)i).ToString("x36", CultureInfo.InvariantCulture))
            .ToList();
        return keys.All(key => TorrentCatalog.ShardOf(key) == shard && key.Length == 40)
            ? keys
            : throw new InvalidOperationException($"keys made for shard {shard} fall elsewhere");
    }
}
