using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary><c>torrents.files.progress</c> (ours): bytes downloaded of each file, in file order (piece granularity).</summary>
public sealed class TorrentsFilesProgress(TorrentDirectory torrents) : JsonRpcMethod<InfoHashParams>
{
    public override string Name => "torrents.files.progress";

    public override bool IsReadOnly => true;

    protected override JsonTypeInfo<InfoHashParams> ParamsType => GatewayJsonContext.Default.InfoHashParams;

    protected override async ValueTask<JsonRpcResult> InvokeAsync(InfoHashParams parameters, CancellationToken cancellationToken)
    {
        var files = await (await torrents.FindAsync(parameters.InfoHash)).GetFilesAsync();
        return JsonRpcResult.Of(
            new TorrentsFilesProgressResult([.. files.Select(file => file.Downloaded)]),
            GatewayJsonContext.Default.TorrentsFilesProgressResult);
    }
}

public sealed record TorrentsFilesProgressResult(IReadOnlyList<long> Progress);
