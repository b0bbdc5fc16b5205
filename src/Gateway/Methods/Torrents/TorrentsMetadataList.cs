using System.Text.Json;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary><c>torrents.metadata.list</c>: the metadata given to <c>torrents.add</c>, values as they were sent.</summary>
public sealed class TorrentsMetadataList(TorrentDirectory torrents) : TorrentMethod(torrents)
{
    public override string Name => "torrents.metadata.list";

    public override bool IsReadOnly => true;

    protected override async Task<JsonRpcResult> InvokeAsync(ITorrentGrain torrent, CancellationToken cancellationToken)
    {
        var metadata = await torrent.GetMetadataAsync();
        return JsonRpcResult.Of(new TorrentsMetadataListResult(RawJson.Parse(metadata)), GatewayJsonContext.Default.TorrentsMetadataListResult);
    }
}

public sealed record TorrentsMetadataListResult(IReadOnlyDictionary<string, JsonElement> Metadata);
