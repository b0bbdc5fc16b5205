using System.Collections.Concurrent;

namespace TorrentCluster.Grains.Engine;

/// <summary>
/// The torrents this silo's grains have attached to its engine. Silo-wide views join it with the engine's bulk
/// status snapshot, so listing 100,000 torrents costs no grain call per torrent.
/// </summary>
public sealed class HostedTorrentRegistry
{
    private readonly ConcurrentDictionary<string, HostedTorrent> _torrents = new(StringComparer.Ordinal);
    private long _version;

    public int Count => _torrents.Count;

    /// <summary>Grows after every attach and detach, so a view built from <see cref="All"/> knows when it is out of date.</summary>
    public long Version => Interlocked.Read(ref _version);

    public IEnumerable<HostedTorrent> All => _torrents.Values;

    public void Attach(HostedTorrent torrent)
    {
        _torrents[torrent.Key] = torrent;
        Interlocked.Increment(ref _version);
    }

    public void Detach(string key)
    {
        if (_torrents.TryRemove(key, out _))
        {
            Interlocked.Increment(ref _version);
        }
    }

    public bool Contains(string key) => _torrents.ContainsKey(key);

    public HostedTorrent? Find(string key) => _torrents.GetValueOrDefault(key);
}
