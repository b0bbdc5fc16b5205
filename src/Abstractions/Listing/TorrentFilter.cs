using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Abstractions.Listing;

/// <summary>Which torrents meet every term of a <see cref="TorrentQuery"/>.</summary>
public static class TorrentFilter
{
    /// <summary>True when the torrent meets every term and the PQL query (and always when there are none); <paramref name="now"/> is what PQL's <c>age</c> counts up to.</summary>
    public static bool Matches(this TorrentQuery query, TorrentSummary torrent, DateTimeOffset now)
    {
        // Called once per torrent of a silo per listing: no enumerator allocated per call.
        var filters = query.Filters;
        for (var i = 0; i < filters.Count; i++)
        {
            if (!Matches(filters[i], torrent))
            {
                return false;
            }
        }

        return query.Where is null || query.Where.Matches(torrent, now);
    }

    private static bool Matches(TorrentFilterTerm term, TorrentSummary torrent) => term.Field switch
    {
        TorrentFilterField.Category => torrent.Category == term.Value,
        TorrentFilterField.Tag => torrent.Tags.Contains(term.Value),
        TorrentFilterField.SavePath => torrent.SavePath == term.Value,
        TorrentFilterField.Silo => torrent.Silo == term.Value,
        TorrentFilterField.Home => (torrent.HomeSilo ?? torrent.Silo) == term.Value,
        _ => false,
    };
}
