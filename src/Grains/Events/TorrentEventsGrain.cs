using Orleans.Concurrency;
using TorrentCluster.Abstractions.Events;
using TorrentCluster.Grains.Placement;

namespace TorrentCluster.Grains.Events;

/// <summary>
/// Takes gateways' subscriptions to its silo's events. The events themselves go out from
/// <see cref="TorrentEventPublisher"/>, so no grain turn is spent per event.
/// </summary>
[SiloBoundPlacement]
[Reentrant]
internal sealed class TorrentEventsGrain(TorrentEventSubscribers subscribers) : Grain, ITorrentEventsGrain
{
    public Task<TimeSpan> SubscribeAsync(ITorrentEventObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        return Task.FromResult(subscribers.Renew(observer));
    }

    public Task UnsubscribeAsync(ITorrentEventObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        subscribers.Remove(observer);
        return Task.CompletedTask;
    }
}
