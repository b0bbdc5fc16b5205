using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Engine;
using TorrentCluster.Grains.Torrents;

namespace TorrentCluster.Grains.Hosting;

/// <summary>
/// The summary of every torrent of the silo, as <c>torrents.list</c> shows it, kept until the engine's status
/// snapshot or the registry changes, and then rebuilt only for the torrents whose status or registration changed
/// (libtorrent's bulk update hands out a new status only for those). An idle farm of 100,000 torrents lists from
/// the same array call after call; a busy one maps only the torrents that moved since the last listing.
/// </summary>
public sealed class SiloTorrentSummaries(TorrentEngine engine, HostedTorrentRegistry registry, ILocalSiloDetails silo)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private (long Status, long Registry) _builtAt = (-1, -1);
    private TorrentSummary[] _all = [];
    private int _generation;

    /// <summary>Every torrent hosted here that the engine has a status for.</summary>
    public IReadOnlyCollection<TorrentSummary> All
    {
        get
        {
            lock (_gate)
            {
                // Read before the snapshot: a change made while building shows as a newer version next time.
                var versions = (engine.StatusVersion, registry.Version);
                if (versions != _builtAt)
                {
                    _all = Build();
                    _builtAt = versions;
                }

                return _all;
            }
        }
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
