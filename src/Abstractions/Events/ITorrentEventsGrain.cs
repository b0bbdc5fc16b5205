namespace TorrentCluster.Abstractions.Events;

/// <summary>
/// A silo's torrent events, keyed by the silo's address (<c>SiloAddress.ToParsableString()</c>) and always placed
/// on that silo. A subscription is a lease, as Orleans' observer pattern requires: it lapses unless renewed, so a
/// gateway that dies leaves nothing behind.
/// </summary>
public interface ITorrentEventsGrain : IGrainWithStringKey
{
    /// <summary>Subscribes the observer, or renews its lease; answers how long the lease lasts from now.</summary>
    Task<TimeSpan> SubscribeAsync(ITorrentEventObserver observer);

    /// <summary>Ends the observer's subscription at once.</summary>
    Task UnsubscribeAsync(ITorrentEventObserver observer);
}
