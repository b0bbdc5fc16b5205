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
}
