using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary><c>torrents.recheck</c>: checks every piece on disk again.</summary>
public sealed class TorrentsRecheck(TorrentDirectory torrents) : TorrentMethod(torrents)
{
    public override string Name => "torrents.recheck";

    protected override async Task<JsonRpcResult> InvokeAsync(ITorrentGrain torrent, CancellationToken cancellationToken)
    {
        await torrent.RecheckAsync();
        return JsonRpcResult.Null;
    }
}
