using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary>
/// <c>torrents.peers.add</c>: tells a torrent about peers to connect to, like qBittorrent's addPeers; useful
/// without DHT or trackers, and on private networks.
/// </summary>
public sealed class TorrentsPeersAdd(TorrentDirectory torrents) : TorrentMethod<TorrentsPeersAddParams>(torrents)
{
    public override string Name => "torrents.peers.add";

    protected override JsonTypeInfo<TorrentsPeersAddParams> ParamsType => TorrentsJsonContext.Default.TorrentsPeersAddParams;

    protected override async Task<JsonRpcResult> AnswerAsync(ITorrentGrain torrent, TorrentsPeersAddParams parameters, CancellationToken cancellationToken)
    {
        var peers = ParamLists.WithoutNulls(parameters.Peers, "peers");
        await torrent.AddPeersAsync(peers);
        return JsonRpcResult.Of(true, TorrentsJsonContext.Default.Boolean);
    }
}

/// <summary>Porla's parameters: the torrent and <c>[[ip, port], ...]</c>.</summary>
public sealed record TorrentsPeersAddParams : ITorrentParams
{
    public required InfoHashPair InfoHash { get; init; }
    public required IReadOnlyList<PeerEndpoint> Peers { get; init; }
}
