using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary><c>torrents.get</c> (ours): one torrent as a <c>torrents.list</c> item, straight from its grain.</summary>
public sealed class TorrentsGet(TorrentDirectory torrents) : JsonRpcMethod<InfoHashParams>
{
    public override string Name => "torrents.get";

    public override bool IsReadOnly => true;

    protected override JsonTypeInfo<InfoHashParams> ParamsType => GatewayJsonContext.Default.InfoHashParams;

    protected override async ValueTask<JsonRpcResult> InvokeAsync(InfoHashParams parameters, CancellationToken cancellationToken)
    {
        var torrent = await torrents.FindAsync(parameters.InfoHash);
        var summary = await torrent.GetSummaryAsync();
        return JsonRpcResult.Of(TorrentListItem.From(summary), GatewayJsonContext.Default.TorrentListItem);
    }
}
