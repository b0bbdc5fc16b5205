using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Abstractions.Listing;

/// <summary>
/// A <see cref="TorrentQuery"/> answered over a set of torrents (on a silo) and over the silos' answers (in the
/// gateway). Neither sorts more than it returns: a silo keeps its best <see cref="TorrentQuery.Take"/> in a
/// bounded heap, the gateway merges the silos' sorted answers k ways.
/// </summary>
public static class TorrentSelection
{
    /// <summary>How many of <paramref name="torrents"/> match, and the first <see cref="TorrentQuery.Take"/> of them in order.</summary>
    public static TorrentPage First(IReadOnlyList<TorrentSummary> torrents, TorrentQuery query)
    {
        ArgumentNullException.ThrowIfNull(torrents);
        ArgumentNullException.ThrowIfNull(query);
        var order = TorrentOrder.Of(query);
        var take = Math.Max(0, query.Take);

        // The root is the worst torrent kept, so a better one replaces it in O(log take) and a worse one costs
        // one comparison: a page of 50 out of 100,000 is about 100,000 comparisons, not a sort.
        var kept = new PriorityQueue<TorrentSummary, TorrentSummary>(Math.Min(take, torrents.Count), Comparer<TorrentSummary>.Create((a, b) => order(b, a)));
        var matched = 0;
        var filtered = query.IsFiltered;
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < torrents.Count; i++)
        {
            var torrent = torrents[i];
            if (filtered && !query.Matches(torrent, now))
            {
                continue;
            }

            matched++;
            if (kept.Count < take)
            {
                kept.Enqueue(torrent, torrent);
            }
            else if (take > 0 && order(torrent, kept.Peek()) < 0)
            {
                kept.DequeueEnqueue(torrent, torrent);
            }
        }

        var first = new TorrentSummary[kept.Count];
        for (var i = first.Length - 1; i >= 0; i--)
        {
            first[i] = kept.Dequeue();
        }

        return new TorrentPage(matched, torrents.Count, first);
    }

    /// <summary>
    /// The same answer as <see cref="First"/>, from torrents already in the query's order: the first matches cost
    /// only as many steps as it takes to find them (and counting them a pass of the filters, none without filters).
    /// </summary>
    public static TorrentPage FirstOfSorted(IReadOnlyList<TorrentSummary> sorted, TorrentQuery query)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentNullException.ThrowIfNull(query);
        var take = Math.Max(0, query.Take);
        if (!query.IsFiltered)
        {
            var count = Math.Min(take, sorted.Count);
            var page = new TorrentSummary[count];
            for (var i = 0; i < count; i++)
            {
                page[i] = sorted[i];
            }

            return new TorrentPage(sorted.Count, sorted.Count, page);
        }

        var first = new List<TorrentSummary>(Math.Min(take, sorted.Count));
        var matched = 0;
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < sorted.Count; i++)
        {
            if (query.Matches(sorted[i], now))
            {
                matched++;
                if (first.Count < take)
                {
                    first.Add(sorted[i]);
                }
            }
        }

        return new TorrentPage(matched, sorted.Count, first);
    }

    /// <summary>
    /// The first <see cref="TorrentQuery.Take"/> of several answers to <paramref name="query"/>, each in the
    /// query's order, and their counts added up. A torrent in more than one answer (briefly, while it moves
    /// between silos) is listed once, at its best place, and counted once when it is among the first.
    /// </summary>
    public static TorrentPage Merge(IReadOnlyList<TorrentPage> pages, TorrentQuery query)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(query);
        var order = TorrentOrder.Of(query);
        var take = Math.Max(0, query.Take);
        var heads = new PriorityQueue<(int Page, int Index), TorrentSummary>(pages.Count, Comparer<TorrentSummary>.Create(order));
        for (var page = 0; page < pages.Count; page++)
        {
            if (pages[page].First.Count > 0)
            {
                heads.Enqueue((page, 0), pages[page].First[0]);
            }
        }

        var first = new List<TorrentSummary>(Math.Min(take, pages.Sum(page => page.First.Count)));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = 0;
        while (first.Count < take && heads.TryDequeue(out var head, out var torrent))
        {
            if (seen.Add(torrent.InfoHash.Canonical))
            {
                first.Add(torrent);
            }
            else
            {
                duplicates++;
            }

            var next = head.Index + 1;
            if (next < pages[head.Page].First.Count)
            {
                heads.Enqueue((head.Page, next), pages[head.Page].First[next]);
            }
        }

        return new TorrentPage(pages.Sum(page => page.Matched) - duplicates, pages.Sum(page => page.Total) - duplicates, first);
    }
}
