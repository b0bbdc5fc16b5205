using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary><c>torrents.resume</c>: starts a paused torrent.</summary>
public sealed class TorrentsResume(TorrentDirectory torrents) : JsonRpcMethod<InfoHashParams>
{
    public override string Name => "torrents.resume";

    protected override JsonTypeInfo<InfoHashParams> ParamsType => GatewayJsonContext.Default.InfoHashParams;

    protected override async ValueTask<JsonRpcResult> InvokeAsync(InfoHashParams parameters, CancellationToken cancellationToken)
    {
        var torrent = await torrents.FindAsync(parameters.InfoHash);
        await torrent.ResumeAsync();
        return JsonRpcResult.Null;
    }
}
