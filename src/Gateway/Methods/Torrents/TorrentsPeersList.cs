using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary><c>torrents.peers.list</c>: the connected peers of a torrent, field for field as Porla answers.</summary>
public sealed class TorrentsPeersList(TorrentDirectory torrents) : JsonRpcMethod<InfoHashParams>
{
    public override string Name => "torrents.peers.list";

    public override bool IsReadOnly => true;

    protected override JsonTypeInfo<InfoHashParams> ParamsType => GatewayJsonContext.Default.InfoHashParams;

    protected override async ValueTask<JsonRpcResult> InvokeAsync(InfoHashParams parameters, CancellationToken cancellationToken)
    {
        var torrent = await torrents.FindAsync(parameters.InfoHash);
        var peers = await torrent.GetPeersAsync();
        var items = new PeerItem[peers.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = PeerItem.From(peers[i]);
        }

        return JsonRpcResult.Of(new TorrentsPeersListResult(items), GatewayJsonContext.Default.TorrentsPeersListResult);
    }
}

/// <summary>The answer: <c>{ "peers": [...] }</c>.</summary>
public sealed record TorrentsPeersListResult(IReadOnlyList<PeerItem> Peers);

/// <summary>One peer with exactly the fields of the API page, in its order (alphabetical, as Porla writes them).</summary>
public sealed record PeerItem(
    int BusyRequests,
    string Client,
    int ConnectionType,
    int DownSpeed,
    int DownloadQueueLength,
    long DownloadQueueTime,
    uint Flags,
    PeerEndpoint Ip,
    long LastActive,
    long LastRequest,
    PeerEndpoint LocalEndpoint,
    float Progress,
    int Rtt,
    int Source,
    long TotalDownload,
    long TotalUpload,
    int UpSpeed)
{
    public static PeerItem From(PeerSnapshot peer) => new(
        peer.BusyRequests,
        peer.Client,
        peer.ConnectionType,
        peer.DownSpeed,
        peer.DownloadQueueLength,
        peer.DownloadQueueTime,
        peer.Flags,
        peer.Ip,
        peer.LastActive,
        peer.LastRequest,
        peer.LocalEndpoint,
        peer.Progress,
        peer.Rtt,
        peer.Source,
        peer.TotalDownload,
        peer.TotalUpload,
        peer.UpSpeed);
}
