using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Abstractions.Listing.Pql;

/// <summary>PQL's <c>not</c>: the part does not hold.</summary>
[GenerateSerializer, Immutable]
public sealed record NotCondition([property: Id(0)] TorrentCondition Part) : TorrentCondition
{
    public override bool Matches(TorrentSummary torrent, DateTimeOffset now) => !Part.Matches(torrent, now);
}
