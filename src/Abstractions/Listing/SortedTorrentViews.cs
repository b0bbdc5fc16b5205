using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Abstractions.Listing;

/// <summary>
/// A silo's torrents kept sorted for the few orders a listing asks for again and again (a UI's current column),
/// so that a page costs the page rather than a pass over every torrent. A view is made on the second ask of an
/// order (one ask alone is cheaper as a selection) and then kept in step with the changes of the silo's torrents,
/// each moved to its new place by binary search; a change of more than a few torrents at once drops the views,
/// since sorting anew is then as cheap. Not thread-safe: its owner serialises calls.
/// </summary>
public sealed class SortedTorrentViews
{
    // Few orders are asked for at once: more than this, and the views start over.
    private const int MostViews = 4;

    private readonly Dictionary<(string Field, bool Descending), View> _views = [];
    private readonly HashSet<(string Field, bool Descending)> _askedOnce = [];

    /// <summary>How many views are kept.</summary>
    public int Count => _views.Count;

    /// <summary>
    /// The answer to <paramref name="query"/> from its order's view, made now from <paramref name="all"/> if this
    /// order was asked before; null on an order's first ask, which the caller answers by selection.
    /// </summary>
    public TorrentPage? TryAnswer(TorrentQuery query, IReadOnlyList<TorrentSummary> all)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(all);
        var order = (query.OrderBy, query.Descending);
        if (!_views.TryGetValue(order, out var view))
        {
            if (_askedOnce.Add(order))
            {
                return null;
            }

            if (_views.Count >= MostViews)
            {
                _views.Clear();
            }

            view = new View(Comparer<TorrentSummary>.Create(TorrentOrder.Of(query)), [.. all]);
            view.Torrents.Sort(view.Order);
            _views[order] = view;
        }

        return TorrentSelection.FirstOfSorted(view.Torrents, query);
    }

    /// <summary>
    /// Brings every view in step with the silo's torrents: each change is a torrent that left (<c>New</c> null),
    /// arrived (<c>Old</c> null) or changed (both). <paramref name="total"/> is how many torrents there are now.
    /// </summary>
    public void Apply(IReadOnlyList<(TorrentSummary? Old, TorrentSummary? New)> changes, int total)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        // Each move shifts the view's references (a memory move of up to 800 KB at 100,000 torrents): past this
        // many, a new sort at the next ask costs less.
        if (changes.Count > Math.Max(64, total / 64))
        {
            Clear();
            return;
        }

        foreach (var (order, view) in _views.ToList())
        {
            if (!view.TryApply(changes))
            {
                _views.Remove(order);
            }
        }
    }

    /// <summary>Drops every view, and forgets which orders were asked.</summary>
    public void Clear()
    {
        _views.Clear();
        _askedOnce.Clear();
    }

    private sealed record View(IComparer<TorrentSummary> Order, List<TorrentSummary> Torrents)
    {
        // The order is total (ties broken by info-hash), so a torrent's old summary is found exactly where it is.
        public bool TryApply(IReadOnlyList<(TorrentSummary? Old, TorrentSummary? New)> changes)
        {
            foreach (var (old, _) in changes)
            {
                if (old is null)
                {
                    continue;
                }

                var at = Torrents.BinarySearch(old, Order);
                if (at < 0 || !ReferenceEquals(Torrents[at], old))
                {
                    return false;
                }

                Torrents.RemoveAt(at);
            }

            foreach (var (_, arrived) in changes)
            {
                if (arrived is null)
                {
                    continue;
                }

                var at = Torrents.BinarySearch(arrived, Order);
                Torrents.Insert(at < 0 ? ~at : at, arrived);
            }

            return true;
        }
    }
}
