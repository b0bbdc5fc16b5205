using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Abstractions.Listing.Pql;

/// <summary>
/// A parsed PQL query (Porla's query language) as a tree that crosses the wire: the gateway parses the text once
/// (<see cref="PqlParser"/>) and every silo evaluates the tree over its own torrents.
/// </summary>
[GenerateSerializer, Immutable]
public abstract record TorrentCondition
{
    /// <summary>True when <paramref name="torrent"/> meets the condition; <paramref name="now"/> is what <c>age</c> counts up to.</summary>
    public abstract bool Matches(TorrentSummary torrent, DateTimeOffset now);
}
