namespace TorrentCluster.Grains.Events;

/// <summary>How a silo relays its torrent events to gateways, bound from <c>TorrentCluster:Events</c>.</summary>
public sealed class TorrentEventOptions
{
    public const string SectionName = "TorrentCluster:Events";

    /// <summary>
    /// How long a gateway's subscription lasts unless renewed. A gateway renews at a third of it, so a gateway that
    /// died stops costing the silo anything within this time.
    /// </summary>
    public TimeSpan SubscriptionLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Events waiting to be sent, at most; past it new events are dropped (and counted) rather than held: a burst of
    /// thousands of adds must not grow the silo's memory while its gateways are slow.
    /// </summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Most events in one message to a gateway.</summary>
    public int MaxBatch { get; set; } = 500;
}
