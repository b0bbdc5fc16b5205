using TorrentCluster.Abstractions.Fleet;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Fleet;

/// <summary>Turns the fleet views' JSON filters into a checked <see cref="PeerQuery"/>.</summary>
internal static class PeerQueries
{
    public static PeerQuery From(PeerFilters? filters, string? orderBy, string? orderByDir, int take)
    {
        filters ??= new PeerFilters();
        var field = orderBy ?? "down_speed";
        if (!PeerFilter.Fields.ContainsKey(field))
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidOrderBy, "Invalid field in 'order_by'", $"peers sort by {string.Join(", ", PeerFilter.Fields.Keys)}");
        }

        var descending = (orderByDir ?? "desc") switch
        {
            "asc" => false,
            "desc" => true,
            var other => throw JsonRpcException.InvalidParams($"'order_by_dir' must be \"asc\" or \"desc\", got \"{other}\""),
        };
        if (filters.Direction is not (null or "incoming" or "outgoing"))
        {
            throw JsonRpcException.InvalidParams("filter 'direction' is \"incoming\" or \"outgoing\"");
        }

        if (filters.Ip is not null)
        {
            try
            {
                PeerFilter.ParseNetwork(filters.Ip);
            }
            catch (ArgumentException exception)
            {
                throw JsonRpcException.InvalidParams(exception.Message);
            }
        }

        return new PeerQuery
        {
            ClientContains = filters.Client,
            Ip = filters.Ip,
            Torrent = filters.InfoHash?.Canonical,
            Silo = filters.Silo,
            MinDownSpeed = filters.MinDownSpeed ?? 0,
            MinUpSpeed = filters.MinUpSpeed ?? 0,
            Direction = filters.Direction,
            OrderBy = field,
            Descending = descending,
            Take = take,
        };
    }
}
