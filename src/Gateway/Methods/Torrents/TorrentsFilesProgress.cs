using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary><c>torrents.files.progress</c> (ours): bytes downloaded of each file, in file order (piece granularity).</summary>
public sealed class TorrentsFilesProgress(TorrentDirectory torrents) : TorrentMethod(torrents)
{
    public override string Name => "torrents.files.progress";

    public override bool IsReadOnly => true;

    protected override async Task<JsonRpcResult> InvokeAsync(ITorrentGrain torrent, CancellationToken cancellationToken)
    {
        var files = await torrent.GetFilesAsync();
        return JsonRpcResult.Of(
            new TorrentsFilesProgressResult([.. files.Select(file => file.Downloaded)]),
            GatewayJsonContext.Default.TorrentsFilesProgressResult);
    }
}

public sealed record TorrentsFilesProgressResult(IReadOnlyList<long> Progress);
