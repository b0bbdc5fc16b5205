using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary><c>torrents.resume</c>: starts a paused torrent.</summary>
public sealed class TorrentsResume(TorrentDirectory torrents) : TorrentMethod<InfoHashParams>(torrents)
{
    public override string Name => "torrents.resume";

    protected override JsonTypeInfo<InfoHashParams> ParamsType => TorrentsJsonContext.Default.InfoHashParams;

    protected override async Task<JsonRpcResult> AnswerAsync(ITorrentGrain torrent, InfoHashParams parameters, CancellationToken cancellationToken)
    {
        await torrent.ResumeAsync();
        return JsonRpcResult.Null;
    }
}
