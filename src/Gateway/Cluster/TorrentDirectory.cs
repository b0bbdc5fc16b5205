using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Gateway.Cluster;

/// <summary>Finds the grain of a torrent from either half of its info-hash pair.</summary>
public sealed class TorrentDirectory(IGrainFactory grains)
{
    private readonly StringKeyedGrains<ITorrentGrain> _torrents = new(grains);

    /// <summary>
    /// The grain of the torrent: by its v1 hash when given, else by the v2 hash, going through the alias a hybrid
    /// torrent leaves under its v2 hash.
    /// </summary>
    public async ValueTask<ITorrentGrain> FindAsync(InfoHashPair infoHash)
    {
        if (infoHash.V1 is { } v1)
        {
            return _torrents.Get(v1);
        }

        var v2 = infoHash.V2!;
        var canonical = await grains.GetGrain<IInfoHashAliasGrain>(v2).GetCanonicalAsync();
        return _torrents.Get(canonical ?? v2);
    }
}
