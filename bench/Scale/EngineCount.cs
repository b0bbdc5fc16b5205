using TorrentCluster.Testing;

namespace TorrentCluster.Bench.Scale;

/// <summary>
/// How many torrents a silo's engine holds, from its Prometheus scrape (<c>torrentcluster_torrents</c>, summed over
/// states): the engine's own count, not the catalog's, so "all N run again" means they are back in libtorrent.
/// </summary>
internal static class EngineCount
{
    public const string Metric = "torrentcluster_torrents";

    public static async Task<long> ReadAsync(ScaleRpc rpc, CancellationToken cancellation)
    {
        var scrape = await rpc.GetTextAsync("metrics", cancellation);
        // No sample at all while the silo holds no torrent; a wait that never sees one says which gauge it read.
        return (long)MetricsScrape.Sum(scrape, Metric);
    }

    public static Task WaitForAsync(IReadOnlyList<ScaleRpc> silos, long count, TimeSpan timeout, string what, CancellationToken cancellation) =>
        Bounded.UntilAsync(
            async () =>
            {
                long total = 0;
                foreach (var silo in silos)
                {
                    total += await ReadAsync(silo, cancellation);
                }

                return total == count;
            },
            timeout, $"{what} ({Metric} on /metrics)", cancellation, intervalMs: 250);
}
