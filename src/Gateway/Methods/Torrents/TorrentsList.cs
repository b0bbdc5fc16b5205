using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Listing;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary>
/// <c>torrents.list</c>: a page of the fleet's torrents in Porla's shape and with Porla's defaults (queue_position
/// ascending, pages of 50). Each silo filters, orders and cuts its own torrents; the page is merged from their answers.
/// </summary>
public sealed class TorrentsList(FleetTorrents fleet) : JsonRpcMethod<TorrentsListParams>
{
    public const int DefaultPageSize = 50;

    public override string Name => "torrents.list";

    public override bool IsReadOnly => true;

    protected override JsonTypeInfo<TorrentsListParams> ParamsType => TorrentsJsonContext.Default.TorrentsListParams;

    protected override async ValueTask<JsonRpcResult> AnswerAsync(TorrentsListParams parameters, CancellationToken cancellationToken)
    {
        var orderBy = parameters.OrderBy ?? TorrentOrder.DefaultField;
        var ascending = (parameters.OrderByDir ?? "asc") switch
        {
            "asc" => true,
            "desc" => false,
            var other => throw JsonRpcException.InvalidParams($"'order_by_dir' must be \"asc\" or \"desc\", got \"{other}\""),
        };
        if (!TorrentOrder.IsKnown(orderBy))
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidOrderBy, "Invalid field in 'order_by'", $"cannot sort by '{orderBy}'");
        }

        var page = parameters.Page ?? 0;
        var pageSize = parameters.PageSize ?? DefaultPageSize;
        if (page < 0 || pageSize < 1)
        {
            throw JsonRpcException.InvalidParams("'page' must be 0 or more and 'page_size' 1 or more");
        }

        // Any one silo may hold the whole page, so each returns its first (page + 1) * page_size.
        var start = (long)page * pageSize;
        var query = TorrentFilters.Parse(parameters.Filters) with
        {
            OrderBy = orderBy,
            Descending = !ascending,
            Take = (int)Math.Min(int.MaxValue, start + pageSize),
        };
        var found = await fleet.QueryAsync(query);
        if (start > found.Matched)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidPage, "Invalid page - too large.", $"page {page} starts at {start}, there are {found.Matched} torrents");
        }

        // Porla returns only the metadata keys a caller asks for with include_metadata.
        var includeMetadata = parameters.IncludeMetadata ?? [];
        var pageItems = found.First.Skip((int)Math.Min(start, found.First.Count)).Take(pageSize)
            .Select(torrent => TorrentListItem.From(torrent, includeMetadata))
            .ToList();
        return JsonRpcResult.Of(
            new TorrentsListResult(orderBy, ascending ? "asc" : "desc", page, pageSize, pageItems, found.Matched, found.Total),
            TorrentsJsonContext.Default.TorrentsListResult);
    }
}

/// <summary>Porla's <c>torrents.list</c> parameters.</summary>
public sealed record TorrentsListParams
{
    public Dictionary<string, JsonElement>? Filters { get; init; }
    public string[]? IncludeMetadata { get; init; }
    public string? OrderBy { get; init; }
    public string? OrderByDir { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

/// <summary>Porla's <c>torrents.list</c> result.</summary>
public sealed record TorrentsListResult(
    string OrderBy,
    string OrderByDir,
    int Page,
    int PageSize,
    IReadOnlyList<TorrentListItem> Torrents,
    int TorrentsTotal,
    int TorrentsTotalUnfiltered);
