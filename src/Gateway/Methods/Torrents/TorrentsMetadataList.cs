using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary><c>torrents.metadata.list</c>: the metadata given to <c>torrents.add</c>, values as they were sent.</summary>
public sealed class TorrentsMetadataList(TorrentDirectory torrents) : JsonRpcMethod<InfoHashParams>
{
    public override string Name => "torrents.metadata.list";

    public override bool IsReadOnly => true;

    protected override JsonTypeInfo<InfoHashParams> ParamsType => GatewayJsonContext.Default.InfoHashParams;

    protected override async ValueTask<JsonRpcResult> InvokeAsync(InfoHashParams parameters, CancellationToken cancellationToken)
    {
        var metadata = await (await torrents.FindAsync(parameters.InfoHash)).GetMetadataAsync();
        return JsonRpcResult.Of(new TorrentsMetadataListResult(TorrentMetadataJson.Parse(metadata)), GatewayJsonContext.Default.TorrentsMetadataListResult);
    }
}

public sealed record TorrentsMetadataListResult(IReadOnlyDictionary<string, JsonElement> Metadata);
