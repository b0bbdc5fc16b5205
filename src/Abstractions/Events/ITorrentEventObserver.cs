using Orleans.Concurrency;

namespace TorrentCluster.Abstractions.Events;

/// <summary>A gateway that relays torrent events to its clients, subscribed with each silo's <see cref="ITorrentEventsGrain"/>.</summary>
public interface ITorrentEventObserver : IGrainObserver
{
    /// <summary>
    /// Events from one silo. One-way: a silo never waits on a gateway, and an event lost with a gateway is lost
    /// for its clients only.
    /// </summary>
    [OneWay]
    Task OnEventsAsync(TorrentEventBatch batch);
}
