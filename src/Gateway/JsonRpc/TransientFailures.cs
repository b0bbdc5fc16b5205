using Orleans.Runtime.Messaging;

namespace TorrentCluster.Gateway.JsonRpc;

/// <summary>
/// Retries a read when the cluster fails under it in a way that passes: a silo that just died (its gateway
/// connection refused, its activations unreachable) until Orleans routes around it.
/// </summary>
internal static class TransientFailures
{
    // Long enough in total (with the callers' own 5 s timeouts) to outlast the ~15 s it takes to declare a silo dead.
    private static readonly TimeSpan[] Delays = [TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)];

    public static async ValueTask<T> RetryAsync<T>(Func<ValueTask<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception exception) when (attempt < Delays.Length && IsTransient(exception))
            {
                await Task.Delay(Delays[attempt], cancellationToken);
            }
        }
    }

    private static bool IsTransient(Exception exception) => exception is ConnectionFailedException
        or SiloUnavailableException
        or OrleansMessageRejectionException
        or GatewayTooBusyException
        or TimeoutException;
}
