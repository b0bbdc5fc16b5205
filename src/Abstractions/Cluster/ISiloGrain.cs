using TorrentCluster.Abstractions.Fleet;
using TorrentCluster.Abstractions.Listing;

namespace TorrentCluster.Abstractions.Cluster;

/// <summary>
/// A silo's own view of what it hosts, answered from its engine's bulk status snapshot. Keyed by the silo's
/// address (<c>SiloAddress.ToParsableString()</c>) and always placed on that silo, so fleet views fan out to one
/// grain per silo instead of one call per torrent.
/// </summary>
public interface ISiloGrain : IGrainWithStringKey
{
    /// <summary>
    /// How many torrents active on this silo match the query, how many there are, and the first matches in the
    /// query's order: a fleet listing moves a page per silo, never every torrent.
    /// </summary>
    Task<TorrentPage> ListTorrentsAsync(TorrentQuery query);

    /// <summary>
    /// The canonical info-hash of every torrent active on this silo, for the rare listing that must find which of
    /// the catalog's torrents no silo runs.
    /// </summary>
    Task<IReadOnlyList<string>> ListTorrentKeysAsync();

    /// <summary>This silo's engine totals.</summary>
    Task<SiloSummary> GetSummaryAsync();

    /// <summary>The peers of this silo's torrents that match, counted, and the first of them in the query's order.</summary>
    Task<PeerPage> ListPeersAsync(PeerQuery query);

    /// <summary>This silo's peers added up, in total and grouped by <paramref name="grouping"/>.</summary>
    Task<PeerSummary> SummarizePeersAsync(PeerGrouping grouping);

    /// <summary>This silo's traffic now and over the last hour.</summary>
    Task<SiloStats> GetStatsAsync();

    /// <summary>Pauses the silo's engine: every torrent on it stops transferring.</summary>
    Task PauseAsync();

    /// <summary>Resumes the silo's engine.</summary>
    Task ResumeAsync();

    /// <summary>libtorrent settings of this silo's engine, values as JSON literals; all of them when <paramref name="keys"/> is null.</summary>
    Task<IReadOnlyDictionary<string, string>> GetSettingsAsync(IReadOnlyList<string>? keys);

    /// <summary>Applies libtorrent settings (name to value as text) to this silo's engine.</summary>
    Task ApplySettingsAsync(IReadOnlyDictionary<string, string> settings);

    /// <summary>Free and total space of the file system holding <paramref name="path"/> (default: the data folder).</summary>
    Task<DiskSpace> GetDiskSpaceAsync(string? path);

    /// <summary>Porla's <c>torrents.overview</c> of this silo: torrents per category, state, tag and tracker.</summary>
    Task<TorrentsOverview> GetOverviewAsync();
}
