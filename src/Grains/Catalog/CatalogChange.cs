namespace TorrentCluster.Grains.Catalog;

/// <summary>One change to a catalog shard: a torrent and its home silo recorded, or the torrent forgotten.</summary>
public sealed record CatalogChange(string InfoHash, string? HomeSilo, bool Removed)
{
    public static CatalogChange Set(string infoHash, string? homeSilo) => new(infoHash, homeSilo, Removed: false);

    public static CatalogChange Remove(string infoHash) => new(infoHash, HomeSilo: null, Removed: true);
}
