using System.Diagnostics;

namespace TorrentCluster.Bench.Scale;

/// <summary>Waits for a condition with a deadline; a condition that never holds is a failed step, not a hang.</summary>
internal static class Bounded
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, CancellationToken cancellation, int intervalMs = 100)
    {
        var watch = Stopwatch.StartNew();
        Exception? last = null;
        while (watch.Elapsed < timeout)
        {
            cancellation.ThrowIfCancellationRequested();
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is not (OperationCanceledException or BenchStepException))
            {
                last = exception;
            }

            await Task.Delay(intervalMs, cancellation);
        }

        throw new BenchStepException($"waited {timeout.TotalSeconds:0} s for {what}" + (last is null ? "" : $"; last error: {last.Message}"));
    }
}
