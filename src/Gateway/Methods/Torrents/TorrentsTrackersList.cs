using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary><c>torrents.trackers.list</c>: the torrent's trackers and how their announces go.</summary>
public sealed class TorrentsTrackersList(TorrentDirectory torrents) : TorrentMethod<InfoHashParams>(torrents)
{
    public override string Name => "torrents.trackers.list";

    public override bool IsReadOnly => true;

    protected override JsonTypeInfo<InfoHashParams> ParamsType => TorrentsJsonContext.Default.InfoHashParams;

    protected override async Task<JsonRpcResult> AnswerAsync(ITorrentGrain torrent, InfoHashParams parameters, CancellationToken cancellationToken)
    {
        var trackers = await torrent.GetTrackersAsync();
        return JsonRpcResult.Of(new TorrentsTrackersListResult([.. trackers.Select(TrackerItem.From)]), TorrentsJsonContext.Default.TorrentsTrackersListResult);
    }
}

public sealed record TorrentsTrackersListResult(IReadOnlyList<TrackerItem> Trackers);

/// <summary>
/// One tracker in Porla's shape (libtorrent's announce_entry): its announces per local endpoint and info-hash
/// version in <c>endpoints</c>, each endpoint's <c>info_hashes</c> holding the v1 announce, then the v2 one.
/// </summary>
public sealed record TrackerItem(
    IReadOnlyList<TrackerEndpointItem> Endpoints,
    int FailLimit,
    int Source,
    int Tier,
    string Trackerid,
    string Url,
    bool Verified)
{
    public static TrackerItem From(TrackerEntry tracker) => new(
        [.. tracker.Endpoints.Select(TrackerEndpointItem.From)],
        tracker.FailLimit,
        tracker.Source,
        tracker.Tier,
        tracker.TrackerId,
        tracker.Url,
        tracker.Verified);
}

/// <summary>Porla's announce_endpoint: <c>local_endpoint</c> is <c>[address, port]</c>.</summary>
public sealed record TrackerEndpointItem(bool Enabled, IReadOnlyList<TrackerAnnounceItem> InfoHashes, PeerEndpoint LocalEndpoint)
{
    public static TrackerEndpointItem From(TrackerEndpointEntry endpoint) => new(
        endpoint.Enabled,
        [.. endpoint.InfoHashes.Select(TrackerAnnounceItem.From)],
        new PeerEndpoint(endpoint.LocalAddress, endpoint.LocalPort));
}

/// <summary>
/// Porla's announce_infohash. <c>next_announce</c> and <c>min_announce</c> are Unix seconds (null when not
/// scheduled): Porla writes libtorrent's monotonic clock ticks, which no client can turn into a time.
/// </summary>
public sealed record TrackerAnnounceItem(
    bool CompleteSent,
    int Fails,
    string? LastError,
    string Message,
    long? MinAnnounce,
    long? NextAnnounce,
    int ScrapeComplete,
    int ScrapeDownloaded,
    int ScrapeIncomplete,
    bool StartSent,
    bool Updating)
{
    public static TrackerAnnounceItem From(TrackerAnnounceEntry announce) => new(
        announce.CompleteSent,
        announce.Fails,
        announce.LastError,
        announce.Message ?? "",
        announce.MinAnnounce?.ToUnixTimeSeconds(),
        announce.NextAnnounce?.ToUnixTimeSeconds(),
        announce.ScrapeComplete,
        announce.ScrapeDownloaded,
        announce.ScrapeIncomplete,
        announce.StartSent,
        announce.Updating);
}
