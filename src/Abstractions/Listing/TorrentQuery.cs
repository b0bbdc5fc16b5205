using TorrentCluster.Abstractions.Listing.Pql;

namespace TorrentCluster.Abstractions.Listing;

/// <summary>
/// Which torrents a listing wants and in what order: each silo answers it over its own torrents with the first
/// <see cref="Take"/> matches in order, and the gateway merges the silos' answers into the page. A page at
/// offset <c>o</c> of size <c>n</c> needs <c>Take = o + n</c> from every silo, since any one silo may hold the
/// whole page.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TorrentQuery
{
    /// <summary>Every condition a torrent must meet (none: all match).</summary>
    [Id(0)] public IReadOnlyList<TorrentFilterTerm> Filters { get; init; } = [];

    /// <summary>One of <see cref="TorrentOrder.Fields"/>.</summary>
    [Id(1)] public string OrderBy { get; init; } = TorrentOrder.DefaultField;

    /// <summary>Largest first (unknown eta and queue position stay last either way, as in Porla).</summary>
    [Id(2)] public bool Descending { get; init; }

    /// <summary>How many of the first matching torrents to return; 0 to count only.</summary>
    [Id(3)] public int Take { get; init; }

    /// <summary>A PQL query a torrent must also meet, parsed once by the gateway (none: no query).</summary>
    [Id(4)] public TorrentCondition? Where { get; init; }

    /// <summary>
    /// Also answer every torrent the silo hosts by key (<see cref="TorrentPage.Keys"/>), read from the same snapshot
    /// as the page: the gateway needs both to tell, from the catalog, which torrents no silo runs.
    /// </summary>
    [Id(5)] public bool WithKeys { get; init; }

    /// <summary>True when the query has any condition, so a silo must look at every torrent to count the matches.</summary>
    public bool IsFiltered => Filters.Count > 0 || Where is not null;
}
