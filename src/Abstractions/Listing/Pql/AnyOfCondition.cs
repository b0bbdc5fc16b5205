using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Abstractions.Listing.Pql;

/// <summary>PQL's <c>or</c>: at least one part holds.</summary>
[GenerateSerializer, Immutable]
public sealed record AnyOfCondition([property: Id(0)] IReadOnlyList<TorrentCondition> Parts) : TorrentCondition
{
    public override bool Matches(TorrentSummary torrent, DateTimeOffset now)
    {
        for (var i = 0; i < Parts.Count; i++)
        {
            if (Parts[i].Matches(torrent, now))
            {
                return true;
            }
        }

        return false;
    }
}
