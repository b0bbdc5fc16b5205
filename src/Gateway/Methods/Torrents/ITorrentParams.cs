using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary>Parameters of a method on one torrent: they name it by <c>info_hash</c>, Porla's pair or a bare hex hash.</summary>
public interface ITorrentParams
{
    InfoHashPair InfoHash { get; }
}
