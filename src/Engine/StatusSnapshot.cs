using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace TorrentCluster.Engine;

/// <summary>
/// Every torrent's latest status by canonical info-hash, holding each string of a torrent once: a status read from
/// the engine comes with fresh copies of its info-hashes, name and save path, so an update keeps the instances of
/// the status it replaces (which a new torrent shares with its <see cref="Torrent.InfoHashes"/>), and torrents in
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

    /// <summary>Sets a torrent's status (the key is its canonical info-hash), sharing the strings it already holds.</summary>
    public TorrentStatus this[string key]
    {
        get => _statuses[key];
        set => _statuses[key] = Shared(value, _statuses.GetValueOrDefault(key));
    }

    public int Count => _statuses.Count;

    public IEnumerable<string> Keys => _statuses.Keys;

    public IEnumerable<TorrentStatus> Values => _statuses.Values;

    public bool ContainsKey(string key) => _statuses.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TorrentStatus value) => _statuses.TryGetValue(key, out value);

    public bool TryRemove(string key, [MaybeNullWhen(false)] out TorrentStatus value) => _statuses.TryRemove(key, out value);

    public IEnumerator<KeyValuePair<string, TorrentStatus>> GetEnumerator() => _statuses.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private TorrentStatus Shared(TorrentStatus status, TorrentStatus? previous)
    {
        var hashes = previous is not null && previous.InfoHashes == status.InfoHashes ? previous.InfoHashes : status.InfoHashes;
        var name = previous is not null && previous.Name == status.Name ? previous.Name : status.Name;
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
