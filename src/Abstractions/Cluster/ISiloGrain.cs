using TorrentCluster.Abstractions.Fleet;
using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Abstractions.Cluster;

/// <summary>
/// A silo's own view of what it hosts, answered from its engine's bulk status snapshot. Keyed by the silo's
/// address (<c>SiloAddress.ToParsableString()</c>) and always placed on that silo, so fleet views fan out to one
/// grain per silo instead of one call per torrent.
/// </summary>
public interface ISiloGrain : IGrainWithStringKey
{
    /// <summary>Every torrent active on this silo.</summary>
    Task<IReadOnlyList<TorrentSummary>> ListTorrentsAsync();

    /// <summary>This silo's engine totals.</summary>
    Task<SiloSummary> GetSummaryAsync();

    /// <summary>The peers of this silo's torrents that match, counted, and the first of them in the query's order.</summary>
    Task<PeerPage> ListPeersAsync(PeerQuery query);

    /// <summary>This silo's peers added up, in total and grouped by <paramref name="groupBy"/>.</summary>
    Task<PeerSummary> SummarizePeersAsync(string groupBy);

    /// <summary>This silo's traffic now and over the last hour.</summary>
    Task<SiloStats> GetStatsAsync();
}
