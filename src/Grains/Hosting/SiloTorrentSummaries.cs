using TorrentCluster.Abstractions.Listing;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Engine;
using TorrentCluster.Grains.Torrents;

namespace TorrentCluster.Grains.Hosting;

/// <summary>
/// The summary of every torrent of the silo, as <c>torrents.list</c> shows it, kept until the engine's status
/// snapshot or the registry changes, and then rebuilt only for the torrents whose status or registration changed
/// (libtorrent's bulk update hands out a new status only for those). An idle farm of 100,000 torrents lists from
/// the same array call after call; a busy one maps only the torrents that moved since the last listing.
/// <para>
/// A query is answered by a bounded-heap selection over the array (one pass), or, when the same order was asked
/// before while nothing changed, from a sorted copy kept for that order until the next change: an idle farm's
/// pages then cost only the page. A busy farm, whose snapshot changes every second, keeps selecting; a sort is
/// paid only where it is reused.
/// </para>
/// </summary>
public sealed class SiloTorrentSummaries(TorrentEngine engine, HostedTorrentRegistry registry, ILocalSiloDetails silo)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private (long Status, long Registry) _builtAt = (-1, -1);
    // Few orders are asked for at once (a UI's current column): more than this, and the views start over.
    private const int MostSortedViews = 4;

    private readonly Dictionary<(string Field, bool Descending), TorrentSummary[]> _sorted = [];
    private readonly HashSet<(string Field, bool Descending)> _askedSinceChange = [];
    private TorrentSummary[] _all = [];
    private int _generation;

    /// <summary>How many of this silo's torrents match the query, and the first ones in its order.</summary>
    public TorrentPage Answer(TorrentQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var comparison = TorrentOrder.Of(query);
        TorrentSummary[] all;
        TorrentSummary[]? sorted;
        lock (_gate)
        {
            all = Current();
            var order = (query.OrderBy, query.Descending);
            if (!_sorted.TryGetValue(order, out sorted) && !_askedSinceChange.Add(order))
            {
                if (_sorted.Count >= MostSortedViews)
                {
                    _sorted.Clear();
                }

                sorted = [.. all];
                Array.Sort(sorted, comparison);
                _sorted[order] = sorted;
            }
        }

        return sorted is null ? TorrentSelection.First(all, query) : TorrentSelection.FirstOfSorted(sorted, query);
    }

    /// <summary>Every torrent hosted here that the engine has a status for.</summary>
    public IReadOnlyList<TorrentSummary> All
    {
        get
        {
            lock (_gate)
            {
                return Current();
            }
        }
    }

    private TorrentSummary[] Current()
    {
        // Read before the snapshot: a change made while building shows as a newer version next time.
        var versions = (engine.StatusVersion, registry.Version);
        if (versions != _builtAt)
        {
            _all = Build();
            _builtAt = versions;
            _sorted.Clear();
            _askedSinceChange.Clear();
        }

        return _all;
    }

    private TorrentSummary[] Build()
    {
        var snapshot = engine.StatusSnapshot;
        var generation = ++_generation;
        var all = new List<TorrentSummary>(registry.Count);
        foreach (var hosted in registry.All)
        {
            var status = snapshot.GetValueOrDefault(hosted.Key) ?? TryGetStatus(hosted.Handle);
            if (status is null)
            {
                continue;
            }

            if (!_entries.TryGetValue(hosted.Key, out var entry))
            {
                entry = new Entry();
                _entries[hosted.Key] = entry;
            }

            if (!ReferenceEquals(entry.Status, status) || !ReferenceEquals(entry.Hosted, hosted))
            {
                entry.Status = status;
                entry.Hosted = hosted;
                entry.Summary = status.ToSummary(hosted, silo.Name);
            }

            entry.Generation = generation;
            all.Add(entry.Summary!);
        }

        if (_entries.Count > all.Count)
        {
            foreach (var gone in _entries.Where(pair => pair.Value.Generation != generation).Select(pair => pair.Key).ToList())
            {
                _entries.Remove(gone);
            }
        }

        return [.. all];
    }

    /// <summary>The status of a torrent added since the last bulk update (not in the snapshot yet); null when it is gone.</summary>
    internal static TorrentStatus? TryGetStatus(Torrent torrent)
    {
        try
        {
            return torrent.GetStatus();
        }
        catch (Exception exception) when (exception is TorrentEngineException or ObjectDisposedException)
        {
            return null;
        }
    }

    private sealed class Entry
    {
        public TorrentStatus? Status { get; set; }

        public HostedTorrent? Hosted { get; set; }

        public TorrentSummary? Summary { get; set; }

        public int Generation { get; set; }
    }
}
