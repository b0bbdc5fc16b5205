using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary>Parameters that name one torrent: <c>{ "info_hash": [v1, v2] }</c>.</summary>
public sealed record InfoHashParams : ITorrentParams
{
    public required InfoHashPair InfoHash { get; init; }
}
