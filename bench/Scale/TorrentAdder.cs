using System.Diagnostics;

namespace TorrentCluster.Bench.Scale;

/// <summary>Wall seconds each batch of adds took, in order, and the host's CPU seconds for each when it was read.</summary>
internal sealed record AddedBatches(IReadOnlyList<double> Seconds, IReadOnlyList<double> CpuSeconds);

/// <summary>Adds generated torrents through <c>torrents.add</c> in JSON-RPC batches, paused, timing every batch.</summary>
internal static class TorrentAdder
{
    /// <param name="hostCpuSeconds">
    /// The host's CPU time so far, read around every batch when given: on a shared machine the host's CPU per batch
    /// shows whether an add costs more as the farm grows even when wall time is dominated by others' load.
    /// </param>
    public static async Task<AddedBatches> AddAsync(
        ScaleRpc rpc, int first, int count, int batch, Func<int, GeneratedTorrent> kind, string progressLabel, CancellationToken cancellation,
        Func<double>? hostCpuSeconds = null)
    {
        var seconds = new List<double>();
        var cpuSeconds = new List<double>();
        var report = Stopwatch.StartNew();
        for (var start = first; start < first + count; start += batch)
        {
            var calls = Enumerable.Range(start, Math.Min(batch, first + count - start))
                .Select(index => ("torrents.add", (object)new { ti = Convert.ToBase64String(kind(index).File), paused = true }))
                .ToList();
            var cpuBefore = hostCpuSeconds?.Invoke() ?? 0;
            var watch = Stopwatch.StartNew();
            await rpc.BatchAsync(calls, cancellation);
            seconds.Add(watch.Elapsed.TotalSeconds);
            if (hostCpuSeconds is not null)
            {
                cpuSeconds.Add(hostCpuSeconds() - cpuBefore);
            }

            if (report.Elapsed > TimeSpan.FromSeconds(15))
            {
                Console.WriteLine($"    {progressLabel}: {start + calls.Count - first:#,0} of {count:#,0} added");
                report.Restart();
            }
        }

        return new AddedBatches(seconds, cpuSeconds);
    }

    /// <summary>
    /// Torrents a second over the first and the last twentieth of the batches (at least one batch each). The very
    /// first batch is left out of the start when there are others: it pays for the host's first calls (JIT, first
    /// activations), not for the count of torrents.
    /// </summary>
    public static (double Start, double End) Rates(IReadOnlyList<double> batchSeconds, int batch)
    {
        var (start, end) = Edges(batchSeconds);
        return (batch / start, batch / end);
    }

    /// <summary>Mean seconds a batch over the same first and last twentieth as <see cref="Rates"/>.</summary>
    public static (double Start, double End) Edges(IReadOnlyList<double> batchSeconds)
    {
        var warm = batchSeconds.Count > 2 ? batchSeconds.Skip(1).ToList() : [.. batchSeconds];
        var edge = Math.Max(1, warm.Count / 20);
        return (warm.Take(edge).Average(), warm.TakeLast(edge).Average());
    }
}
