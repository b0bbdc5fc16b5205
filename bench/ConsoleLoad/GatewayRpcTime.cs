using TorrentCluster.Bench.Scale;
using TorrentCluster.Testing;

namespace TorrentCluster.Bench.ConsoleLoad;

/// <summary>
/// The gateway's own time for torrents.list (its <c>torrentcluster.rpc.duration</c> histogram on /metrics: from
/// the call parsed to its answer written, the silos' fan-out included), read before and after a scenario: set
/// beside the time the browser waited for its first byte, it tells the gateway's work from queueing for a core.
/// </summary>
internal sealed class GatewayRpcTime(ScaleRpc gateway)
{
    private const string Sum = "torrentcluster_rpc_duration_seconds_sum";
    private const string Count = "torrentcluster_rpc_duration_seconds_count";
    private const string Method = "method=\"torrents.list\"";

    public async Task<(double Seconds, double Calls)> ReadAsync(CancellationToken cancellation)
    {
        var scrape = await gateway.GetTextAsync("metrics", cancellation);
        return (MetricsScrape.Sum(scrape, Sum, Method), MetricsScrape.Sum(scrape, Count, Method));
    }

    /// <summary>The mean milliseconds of the calls between two readings (their count beside it), or null for none.</summary>
    public static (double? MeanMs, double Calls) Between((double Seconds, double Calls) before, (double Seconds, double Calls) after)
    {
        var calls = after.Calls - before.Calls;
        return (calls > 0 ? (after.Seconds - before.Seconds) * 1000 / calls : null, calls);
    }
}
