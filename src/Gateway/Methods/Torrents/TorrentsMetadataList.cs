using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary><c>torrents.metadata.list</c>: the metadata given to <c>torrents.add</c>, values as they were sent.</summary>
public sealed class TorrentsMetadataList(TorrentDirectory torrents) : TorrentMethod<InfoHashParams>(torrents)
{
    public override string Name => "torrents.metadata.list";

    public override bool IsReadOnly => true;

    protected override JsonTypeInfo<InfoHashParams> ParamsType => TorrentsJsonContext.Default.InfoHashParams;

    protected override async Task<JsonRpcResult> AnswerAsync(ITorrentGrain torrent, InfoHashParams parameters, CancellationToken cancellationToken)
    {
        var metadata = await torrent.GetMetadataAsync();
        return JsonRpcResult.Of(new TorrentsMetadataListResult(RawJson.Parse(metadata)), TorrentsJsonContext.Default.TorrentsMetadataListResult);
    }
}

public sealed record TorrentsMetadataListResult(IReadOnlyDictionary<string, JsonElement> Metadata);
