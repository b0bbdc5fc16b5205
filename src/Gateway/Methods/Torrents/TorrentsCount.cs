using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Listing;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary><c>torrents.count</c> (ours): how many torrents match <c>torrents.list</c>'s filters, without the list.</summary>
public sealed class TorrentsCount(FleetTorrents fleet) : JsonRpcMethod<TorrentsCountParams>
{
    public override string Name => "torrents.count";

    public override bool IsReadOnly => true;

    protected override JsonTypeInfo<TorrentsCountParams> ParamsType => TorrentsJsonContext.Default.TorrentsCountParams;

    protected override async ValueTask<JsonRpcResult> AnswerAsync(TorrentsCountParams parameters, CancellationToken cancellationToken)
    {
        // Each silo counts its own: no torrent crosses the wire.
        var found = await fleet.QueryAsync(TorrentFilters.Parse(parameters.Filters) with { Take = 0 });
        return JsonRpcResult.Of(new TorrentsCountResult(found.Matched, found.Total), TorrentsJsonContext.Default.TorrentsCountResult);
    }
}

public sealed record TorrentsCountParams
{
    public Dictionary<string, JsonElement>? Filters { get; init; }
}

public sealed record TorrentsCountResult(int TorrentsTotal, int TorrentsTotalUnfiltered);
