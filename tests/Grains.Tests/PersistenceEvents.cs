using System.Collections.Concurrent;

namespace TorrentCluster.Grains.Tests;

/// <summary>One durable write, as the observed stores saw it: which store, what it did, for which torrent.</summary>
internal sealed record PersistenceEvent(string Store, string Action, string InfoHash);

/// <summary>
/// The writes of a silo's grain storage and torrent catalog, in the order they happened, so that a test can read
/// in what order an add made its state durable.
/// </summary>
internal sealed class PersistenceEvents
{
    private readonly ConcurrentQueue<PersistenceEvent> _events = new();

    public void Add(string store, string action, string infoHash) => _events.Enqueue(new PersistenceEvent(store, action, infoHash));

    public IReadOnlyList<PersistenceEvent> Of(string infoHash) => [.. _events.Where(item => item.InfoHash == infoHash)];
}
