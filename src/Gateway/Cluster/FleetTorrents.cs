using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Gateway.Cluster;

/// <summary>Every torrent of the fleet: one call per silo, in parallel, merged here.</summary>
public sealed class FleetTorrents(SiloDirectory silos)
{
    public async Task<List<TorrentSummary>> ListAsync()
    {
        var active = await silos.GetActiveAsync();
        IReadOnlyList<TorrentSummary>[] parts;
        try
        {
            parts = await Task.WhenAll(active.Select(silo => silo.ListTorrentsAsync()));
        }
        catch
        {
            // A silo left between the listing and the call: the next call asks Orleans again.
            silos.Invalidate();
            throw;
        }

        var all = new List<TorrentSummary>(parts.Sum(part => part.Count));
        foreach (var part in parts)
        {
            all.AddRange(part);
        }

        return all;
    }
}
