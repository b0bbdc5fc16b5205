using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary><c>torrents.resume</c>: starts a paused torrent.</summary>
public sealed class TorrentsResume(TorrentDirectory torrents) : TorrentMethod(torrents)
{
    public override string Name => "torrents.resume";

    protected override async Task<JsonRpcResult> InvokeAsync(ITorrentGrain torrent, CancellationToken cancellationToken)
    {
        await torrent.ResumeAsync();
        return JsonRpcResult.Null;
    }
}
