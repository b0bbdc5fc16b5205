using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Abstractions.Listing.Pql;

/// <summary>PQL's <c>and</c>: every part holds.</summary>
[GenerateSerializer, Immutable]
public sealed record AllOfCondition([property: Id(0)] IReadOnlyList<TorrentCondition> Parts) : TorrentCondition
{
    public override bool Matches(TorrentSummary torrent, DateTimeOffset now)
    {
        for (var i = 0; i < Parts.Count; i++)
        {
            if (!Parts[i].Matches(torrent, now))
            {
                return false;
            }
        }

        return true;
    }
}
