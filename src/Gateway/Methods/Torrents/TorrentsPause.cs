using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary><c>torrents.pause</c>: stops a torrent; it stays paused across restarts.</summary>
public sealed class TorrentsPause(TorrentDirectory torrents) : TorrentMethod(torrents)
{
    public override string Name => "torrents.pause";

    protected override async Task<JsonRpcResult> InvokeAsync(ITorrentGrain torrent, CancellationToken cancellationToken)
    {
        await torrent.PauseAsync();
        return JsonRpcResult.Null;
    }
}
