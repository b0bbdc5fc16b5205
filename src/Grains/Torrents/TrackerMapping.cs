using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Engine;

namespace TorrentCluster.Grains.Torrents;

/// <summary>A tracker as the engine reports it, in the wire records callers get.</summary>
internal static class TrackerMapping
{
    public static TrackerEntry ToEntry(TrackerInfo tracker) => new()
    {
        Url = tracker.Url,
        Tier = tracker.Tier,
        Source = tracker.Source,
        Verified = tracker.Verified,
        Updating = tracker.Updating,
        Fails = tracker.Fails,
        Message = tracker.Message,
        LastError = tracker.LastError,
        NextAnnounce = tracker.NextAnnounce,
        MinAnnounce = tracker.MinAnnounce,
        ScrapeComplete = tracker.ScrapeComplete,
        ScrapeIncomplete = tracker.ScrapeIncomplete,
        ScrapeDownloaded = tracker.ScrapeDownloaded,
        TrackerId = tracker.TrackerId,
        FailLimit = tracker.FailLimit,
        Endpoints = [.. tracker.Endpoints.Select(ToEntry)],
    };

    private static TrackerEndpointEntry ToEntry(TrackerEndpointInfo endpoint) => new()
    {
        LocalAddress = endpoint.LocalAddress,
        LocalPort = endpoint.LocalPort,
        Enabled = endpoint.Enabled,
        InfoHashes = [.. endpoint.InfoHashes.Select(ToEntry)],
    };

    private static TrackerAnnounceEntry ToEntry(TrackerAnnounceInfo announce) => new()
    {
        Version = announce.Version,
        Message = announce.Message,
        LastError = announce.LastError,
        NextAnnounce = announce.NextAnnounce,
        MinAnnounce = announce.MinAnnounce,
        Fails = announce.Fails,
        Updating = announce.Updating,
        StartSent = announce.StartSent,
        CompleteSent = announce.CompleteSent,
        ScrapeComplete = announce.ScrapeComplete,
        ScrapeIncomplete = announce.ScrapeIncomplete,
        ScrapeDownloaded = announce.ScrapeDownloaded,
    };
}
