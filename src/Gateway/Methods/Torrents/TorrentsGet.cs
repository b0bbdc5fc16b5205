using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary><c>torrents.get</c> (ours): one torrent as a <c>torrents.list</c> item, straight from its grain.</summary>
public sealed class TorrentsGet(TorrentDirectory torrents) : TorrentMethod(torrents)
{
    public override string Name => "torrents.get";

    public override bool IsReadOnly => true;

    protected override async Task<JsonRpcResult> InvokeAsync(ITorrentGrain torrent, CancellationToken cancellationToken)
    {
        var summary = await torrent.GetSummaryAsync();
        return JsonRpcResult.Of(TorrentListItem.From(summary), GatewayJsonContext.Default.TorrentListItem);
    }
}
