using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary><c>torrents.pause</c>: stops a torrent; it stays paused across restarts.</summary>
public sealed class TorrentsPause(TorrentDirectory torrents) : JsonRpcMethod<InfoHashParams>
{
    public override string Name => "torrents.pause";

    protected override JsonTypeInfo<InfoHashParams> ParamsType => GatewayJsonContext.Default.InfoHashParams;

    protected override async ValueTask<JsonRpcResult> InvokeAsync(InfoHashParams parameters, CancellationToken cancellationToken)
    {
        var torrent = await torrents.FindAsync(parameters.InfoHash);
        await torrent.PauseAsync();
        return JsonRpcResult.Null;
    }
}
