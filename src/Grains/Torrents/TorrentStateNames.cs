using TorrentCluster.Engine;
using TorrentCluster.Grains.Engine;

namespace TorrentCluster.Grains.Torrents;

/// <summary>The names torrent states go by in stats, metrics and Porla's overview.</summary>
internal static class TorrentStateNames
{
    /// <summary>The coarse name of fleet.stats and the metrics: paused first, both checking states as one.</summary>
    public static string Coarse(TorrentStatus status) => status.IsPaused ? "paused" : status.State switch
    {
        TorrentState.CheckingFiles or TorrentState.CheckingResumeData => "checking",
        TorrentState.DownloadingMetadata => "downloading_metadata",
        TorrentState.Downloading => "downloading",
        TorrentState.Finished => "finished",
        TorrentState.Seeding => "seeding",
        _ => "unknown",
    };

    /// <summary>
    /// The silo's hosted torrents counted by <see cref="Coarse"/> state, for fleet.stats and the metrics alike; a
    /// torrent without a status yet counts as "unknown".
    /// </summary>
    public static Dictionary<string, int> CountByState(HostedTorrentRegistry registry, IReadOnlyDictionary<string, TorrentStatus> snapshot) =>
        registry.All
            .Select(hosted => snapshot.GetValueOrDefault(hosted.Key))
            .GroupBy(status => status is null ? "unknown" : Coarse(status))
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);

    /// <summary>Porla's names for libtorrent's states, as <c>torrents.overview</c> reports them.</summary>
    public static string Porla(TorrentState state) => state switch
    {
        TorrentState.CheckingFiles => "checking_files",
        TorrentState.DownloadingMetadata => "downloading_metadata",
        TorrentState.Downloading => "downloading",
        TorrentState.Finished => "finished",
        TorrentState.Seeding => "seeding",
        TorrentState.CheckingResumeData => "checking_resume_data",
        _ => "unknown",
    };
}
