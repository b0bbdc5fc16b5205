using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Fleet;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;
using TorrentCluster.Gateway.Methods.Torrents;

namespace TorrentCluster.Gateway.Methods.Fleet;

/// <summary>
/// <c>fleet.peers.list</c>: every connected peer of every torrent on every silo, filtered, sorted and paged. Each
/// silo filters and sorts its own peers and sends only its first <c>(page + 1) * page_size</c>; the gateway merges.
/// </summary>
public sealed class FleetPeersList(SiloDirectory silos) : JsonRpcMethod<FleetPeersListParams>
{
    public override string Name => "fleet.peers.list";

    public override bool IsReadOnly => true;

    protected override JsonTypeInfo<FleetPeersListParams> ParamsType => FleetJsonContext.Default.FleetPeersListParams;

    protected override async ValueTask<JsonRpcResult> AnswerAsync(FleetPeersListParams parameters, CancellationToken cancellationToken)
    {
        var page = parameters.Page ?? 0;
        var pageSize = parameters.PageSize ?? TorrentsList.DefaultPageSize;
        if (page < 0 || pageSize < 1)
        {
            throw JsonRpcException.InvalidParams("'page' must be 0 or more and 'page_size' 1 or more");
        }

        var query = PeerQueries.From(parameters.Filters, parameters.OrderBy, parameters.OrderByDir, (page + 1) * pageSize);
        var pages = await Task.WhenAll((await silos.GetActiveAsync()).Select(silo => silo.ListPeersAsync(query)));
        var merged = pages.SelectMany(part => part.First).ToList();
        merged.Sort(PeerFilter.Order(query));
        var total = pages.Sum(part => part.Total);
        if ((long)page * pageSize > total)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidPage, "Invalid page - too large.", $"page {page} starts past the {total} peers");
        }

        var items = merged.Skip(page * pageSize).Take(pageSize)
            .Select(peer => new TaggedPeerItem(peer.Peer, peer.InfoHash, peer.Silo))
            .ToList();
        return JsonRpcResult.Of(
            new FleetPeersListResult(query.OrderBy, query.Descending ? "desc" : "asc", page, pageSize, items, total),
            FleetJsonContext.Default.FleetPeersListResult);
    }
}

/// <summary>The filters of the fleet's peer views.</summary>
public sealed record PeerFilters
{
    public string? Client { get; init; }
    public string? Ip { get; init; }
    public InfoHashPair? InfoHash { get; init; }
    public string? Silo { get; init; }
    public int? MinDownSpeed { get; init; }
    public int? MinUpSpeed { get; init; }
    public string? Direction { get; init; }
}

/// <summary><c>fleet.peers.list</c> parameters, with Porla's paging and sorting names.</summary>
public sealed record FleetPeersListParams
{
    public PeerFilters? Filters { get; init; }
    public string? OrderBy { get; init; }
    public string? OrderByDir { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

/// <summary><c>fleet.peers.list</c> result.</summary>
public sealed record FleetPeersListResult(string OrderBy, string OrderByDir, int Page, int PageSize, IReadOnlyList<TaggedPeerItem> Peers, int PeersTotal);
