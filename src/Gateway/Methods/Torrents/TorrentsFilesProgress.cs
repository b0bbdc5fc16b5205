using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary><c>torrents.files.progress</c> (ours): bytes downloaded of each file, in file order (piece granularity).</summary>
public sealed class TorrentsFilesProgress(TorrentDirectory torrents) : TorrentMethod<InfoHashParams>(torrents)
{
    public override string Name => "torrents.files.progress";

    public override bool IsReadOnly => true;

    protected override JsonTypeInfo<InfoHashParams> ParamsType => TorrentsJsonContext.Default.InfoHashParams;

    protected override async Task<JsonRpcResult> AnswerAsync(ITorrentGrain torrent, InfoHashParams parameters, CancellationToken cancellationToken)
    {
        var files = await torrent.GetFilesAsync();
        return JsonRpcResult.Of(
            new TorrentsFilesProgressResult([.. files.Select(file => file.Downloaded)]),
            TorrentsJsonContext.Default.TorrentsFilesProgressResult);
    }
}

public sealed record TorrentsFilesProgressResult(IReadOnlyList<long> Progress);
