using System.Diagnostics;

namespace TorrentCluster.Bench.Scale;

/// <summary>Adds generated torrents through <c>torrents.add</c> in JSON-RPC batches, paused, timing every batch.</summary>
internal static class TorrentAdder
{
    /// <returns>Seconds each batch took, in order.</returns>
    public static async Task<IReadOnlyList<double>> AddAsync(
        ScaleRpc rpc, int first, int count, int batch, Func<int, GeneratedTorrent> kind, string progressLabel, CancellationToken cancellation)
    {
        var seconds = new List<double>();
        var report = Stopwatch.StartNew();
        for (var start = first; start < first + count; start += batch)
        {
            var calls = Enumerable.Range(start, Math.Min(batch, first + count - start))
                .Select(index => ("torrents.add", (object)new { ti = Convert.ToBase64String(kind(index).File), paused = true }))
                .ToList();
            var watch = Stopwatch.StartNew();
            await rpc.BatchAsync(calls, cancellation);
            seconds.Add(watch.Elapsed.TotalSeconds);
            if (report.Elapsed > TimeSpan.FromSeconds(15))
            {
                Console.WriteLine($"    {progressLabel}: {start + calls.Count - first:#,0} of {count:#,0} added");
                report.Restart();
            }
        }

        return seconds;
    }

    /// <summary>
    /// Torrents a second over the first and the last twentieth of the batches (at least one batch each). The very
    /// first batch is left out of the start when there are others: it pays for the host's first calls (JIT, first
    /// activations), not for the count of torrents.
    /// </summary>
    public static (double Start, double End) Rates(IReadOnlyList<double> batchSeconds, int batch)
    {
        var warm = batchSeconds.Count > 2 ? batchSeconds.Skip(1).ToList() : [.. batchSeconds];
        var edge = Math.Max(1, warm.Count / 20);
        return (batch * edge / warm.Take(edge).Sum(), batch * edge / warm.TakeLast(edge).Sum());
    }
}
