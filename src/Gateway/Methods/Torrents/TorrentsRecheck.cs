using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary><c>torrents.recheck</c>: checks every piece on disk again.</summary>
public sealed class TorrentsRecheck(TorrentDirectory torrents) : TorrentMethod<InfoHashParams>(torrents)
{
    public override string Name => "torrents.recheck";

    protected override JsonTypeInfo<InfoHashParams> ParamsType => TorrentsJsonContext.Default.InfoHashParams;

    protected override async Task<JsonRpcResult> AnswerAsync(ITorrentGrain torrent, InfoHashParams parameters, CancellationToken cancellationToken)
    {
        await torrent.RecheckAsync();
        return JsonRpcResult.Null;
    }
}
