using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary><c>torrents.get</c> (ours): one torrent as a <c>torrents.list</c> item, straight from its grain.</summary>
public sealed class TorrentsGet(TorrentDirectory torrents) : TorrentMethod<InfoHashParams>(torrents)
{
    public override string Name => "torrents.get";

    public override bool IsReadOnly => true;

    protected override JsonTypeInfo<InfoHashParams> ParamsType => TorrentsJsonContext.Default.InfoHashParams;

    protected override async Task<JsonRpcResult> AnswerAsync(ITorrentGrain torrent, InfoHashParams parameters, CancellationToken cancellationToken)
    {
        var summary = await torrent.GetSummaryAsync();
        return JsonRpcResult.Of(TorrentListItem.From(summary), TorrentsJsonContext.Default.TorrentListItem);
    }
}
