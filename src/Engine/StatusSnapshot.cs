using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace TorrentCluster.Engine;

/// <summary>
/// Every torrent's latest status by canonical info-hash, holding each string of a torrent once: a status read from
/// the engine comes with fresh copies of its info-hashes, name and save path, so an update keeps the instances of
/// the status it replaces (the first status takes the info-hashes the new torrent's <see cref="Torrent.InfoHashes"/> holds), and torrents in
/// the same folder share one save path. At 100,000 torrents each copy kept twice would cost megabytes.
/// </summary>
internal sealed class StatusSnapshot : IReadOnlyDictionary<string, TorrentStatus>
{
    /// <summary>
    /// Distinct save paths shared; callers choose them, so the pool is bounded, and a path past the bound is kept
    /// as it came (correct, only not shared).
    /// </summary>
    internal const int MaxSharedSavePaths = 4096;

    private readonly ConcurrentDictionary<string, TorrentStatus> _statuses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _savePaths = new(StringComparer.Ordinal);

    // The info-hashes of torrents just added, until their first status: the add's alert gave the new Torrent these
    // instances, and the first status takes them instead of its own copies.
    private readonly ConcurrentDictionary<string, InfoHashes> _arriving = new(StringComparer.Ordinal);

    /// <summary>Sets a torrent's status (the key is its canonical info-hash), sharing the strings it already holds.</summary>
    public TorrentStatus this[string key]
    {
        get => _statuses[key];
        set
        {
            var previous = _statuses.GetValueOrDefault(key);
            var hashes = previous?.InfoHashes ?? (_arriving.TryRemove(key, out var arriving) ? arriving : null);
            var shared = Shared(value, hashes, previous?.Name);

            // Keyed by the shared instance too: an update keeps the key a torrent's first status brought.
            _statuses[shared.InfoHashes.Canonical] = shared;
        }
    }

    /// <summary>A torrent was added with these info-hashes; its first status shares them.</summary>
    public void Expect(InfoHashes hashes) => _arriving[hashes.Canonical] = hashes;

    public int Count => _statuses.Count;

    public IEnumerable<string> Keys => _statuses.Keys;

    public IEnumerable<TorrentStatus> Values => _statuses.Values;

    public bool ContainsKey(string key) => _statuses.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TorrentStatus value) => _statuses.TryGetValue(key, out value);

    public bool TryRemove(string key, [MaybeNullWhen(false)] out TorrentStatus value)
    {
        _arriving.TryRemove(key, out _);
        return _statuses.TryRemove(key, out value);
    }

    public IEnumerator<KeyValuePair<string, TorrentStatus>> GetEnumerator() => _statuses.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private TorrentStatus Shared(TorrentStatus status, InfoHashes? knownHashes, string? knownName)
    {
        var hashes = knownHashes is { } known && known == status.InfoHashes ? known : status.InfoHashes;
        var name = knownName is not null && knownName == status.Name ? knownName : status.Name;
        var savePath = SharedSavePath(status.SavePath);
        var unchanged = ReferenceEquals(hashes.V1, status.InfoHashes.V1) && ReferenceEquals(hashes.V2, status.InfoHashes.V2)
            && ReferenceEquals(name, status.Name) && ReferenceEquals(savePath, status.SavePath);
        return unchanged ? status : status with { InfoHashes = hashes, Name = name, SavePath = savePath };
    }

    private string SharedSavePath(string savePath)
    {
        if (_savePaths.TryGetValue(savePath, out var shared))
        {
            return shared;
        }

        // A race past the bound adds a few more; what matters is that it does not grow with the callers' input.
        return _savePaths.Count < MaxSharedSavePaths ? _savePaths.GetOrAdd(savePath, savePath) : savePath;
    }
}
