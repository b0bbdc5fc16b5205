using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Abstractions.Listing;

/// <summary>
/// An answer to a <see cref="TorrentQuery"/>: how many torrents match, how many there are, and the first matches
/// in the query's order.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TorrentPage(
    [property: Id(0)] int Matched,
    [property: Id(1)] int Total,
    [property: Id(2)] IReadOnlyList<TorrentSummary> First)
{
    /// <summary>The silo that answered (its name); empty for a page merged from several.</summary>
    [Id(3)] public string Silo { get; init; } = string.Empty;

    /// <summary>Every torrent the silo hosts, by key, when the query asked (<see cref="TorrentQuery.WithKeys"/>).</summary>
    [Id(4)] public IReadOnlyList<string>? Keys { get; init; }
}
