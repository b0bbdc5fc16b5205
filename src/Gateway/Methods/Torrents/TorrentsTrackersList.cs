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
/// One tracker: Porla's announce_entry fields (source, tier, url, verified), with the per-endpoint announce state
/// folded into one level (fails, message, last_error, next/min announce as Unix seconds, scrape counts).
/// </summary>
public sealed record TrackerItem(
    int Fails,
    string? LastError,
    string Message,
    long? MinAnnounce,
    long? NextAnnounce,
    int ScrapeComplete,
    int ScrapeDownloaded,
    int ScrapeIncomplete,
    int Source,
    int Tier,
    string Trackerid,
    bool Updating,
    string Url,
    bool Verified)
{
    public static TrackerItem From(TrackerEntry tracker) => new(
        tracker.Fails,
        tracker.LastError,
        tracker.Message ?? "",
        tracker.MinAnnounce?.ToUnixTimeSeconds(),
        tracker.NextAnnounce?.ToUnixTimeSeconds(),
        tracker.ScrapeComplete,
        tracker.ScrapeDownloaded,
        tracker.ScrapeIncomplete,
        tracker.Source,
        tracker.Tier,
        "",
        tracker.Updating,
        tracker.Url,
        tracker.Verified);
}
