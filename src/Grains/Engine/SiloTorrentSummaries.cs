using TorrentCluster.Abstractions.Listing;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Engine;
using TorrentCluster.Grains.Torrents;

namespace TorrentCluster.Grains.Engine;

/// <summary>
/// The summary of every torrent of the silo, as <c>torrents.list</c> shows it, kept until the engine's status
/// snapshot or the registry changes, and then rebuilt only for the torrents whose status or registration changed
/// (libtorrent's bulk update hands out a new status only for those). An idle farm of 100,000 torrents lists from
/// the same array call after call; a busy one maps only the torrents that moved since the last listing.
/// <para>
/// A query is answered from a sorted view of its order when one is kept (<see cref="SortedTorrentViews"/>: an
/// order asked twice, kept in step with the changed torrents), otherwise by a bounded-heap selection over the
/// array: one pass, no sort.
/// </para>
/// </summary>
public sealed class SiloTorrentSummaries(TorrentEngine engine, HostedTorrentRegistry registry, ILocalSiloDetails silo)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly SortedTorrentViews _views = new();
    private readonly List<(TorrentSummary? Old, TorrentSummary? New)> _changes = [];
    private (long Status, long Registry) _builtAt = (-1, -1);
    private TorrentSummary[] _all = [];
    private int _generation;

    /// <summary>How many of this silo's torrents match the query, and the first ones in its order.</summary>
    public TorrentPage Answer(TorrentQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!TorrentOrder.IsKnown(query.OrderBy))
        {
            throw new ArgumentException($"cannot sort by '{query.OrderBy}'", nameof(query));
        }

        TorrentSummary[] all;
        TorrentPage? page;
        lock (_gate)
        {
            all = Current();
            page = _views.TryAnswer(query, all);
        }

        // The array is never changed once built: the selection needs no lock, and the keys come from the same
        // array as the page, so a torrent arriving meanwhile is in both or in neither.
        page ??= TorrentSelection.First(all, query);
        return query.WithKeys ? page with { Keys = [.. all.Select(torrent => torrent.InfoHash.Canonical)] } : page;
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
            _changes.Clear();
            _all = Build();
            _builtAt = versions;
            _views.Apply(_changes, _all.Length);
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
            var status = hosted.TryStatusFrom(snapshot);
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
                var old = entry.Summary;
                entry.Status = status;
                entry.Hosted = hosted;
                entry.Summary = status.ToSummary(hosted, silo.Name);
                _changes.Add((old, entry.Summary));
            }

            entry.Generation = generation;
            all.Add(entry.Summary!);
        }

        if (_entries.Count > all.Count)
        {
            foreach (var gone in _entries.Where(pair => pair.Value.Generation != generation).ToList())
            {
                _entries.Remove(gone.Key);
                _changes.Add((gone.Value.Summary, null));
            }
        }

        return [.. all];
    }

    private sealed class Entry
    {
        public TorrentStatus? Status { get; set; }

        public HostedTorrent? Hosted { get; set; }

        public TorrentSummary? Summary { get; set; }

        public int Generation { get; set; }
    }
}
