using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TorrentCluster.Abstractions.Events;

namespace TorrentCluster.Grains.Events;

/// <summary>
/// The gateways subscribed to this silo's events, each until its lease ends. One entry per gateway, never per
/// client: a gateway's clients come and go without the silo knowing. Written by <see cref="TorrentEventsGrain"/>'s
/// turns and read by <see cref="TorrentEventPublisher"/>'s loop, hence concurrent.
/// </summary>
public sealed class TorrentEventSubscribers(IOptions<TorrentEventOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<ITorrentEventObserver, DateTimeOffset> _leases = new();

    /// <summary>How many subscriptions are held, lapsed ones not yet swept included.</summary>
    public int Count => _leases.Count;

    /// <summary>True when nobody listens: the engine's events are then not even queued.</summary>
    public bool IsEmpty => _leases.IsEmpty;

    /// <summary>Subscribes or renews; answers the lease.</summary>
    public TimeSpan Renew(ITorrentEventObserver observer)
    {
        var lease = options.Value.SubscriptionLease;
        _leases[observer] = clock.GetUtcNow() + lease;
        return lease;
    }

    public void Remove(ITorrentEventObserver observer) => _leases.TryRemove(observer, out _);

    /// <summary>The observers whose lease still runs; lapsed ones are dropped on the way.</summary>
    public List<ITorrentEventObserver> Current()
    {
        var now = clock.GetUtcNow();
        var current = new List<ITorrentEventObserver>(_leases.Count);
        foreach (var (observer, expires) in _leases)
        {
            if (expires > now)
            {
                current.Add(observer);
            }
            else
            {
                // Only the lapsed entry: a renewal that landed meanwhile keeps its new lease.
                _leases.TryRemove(new KeyValuePair<ITorrentEventObserver, DateTimeOffset>(observer, expires));
            }
        }

        return current;
    }
}
