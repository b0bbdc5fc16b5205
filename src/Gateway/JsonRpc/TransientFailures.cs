using System.Text.Json;
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

    // The method and its params rather than a closure over them: no delegate and captured state for every read.
    public static async ValueTask<JsonRpcResult> RetryAsync(IJsonRpcMethod method, JsonElement parameters, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            // The request's JSON is gone once its deadline has answered the caller: never call again after it.
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await method.InvokeAsync(parameters, cancellationToken);
            }
            catch (Exception exception) when (attempt < Delays.Length && IsTransient(exception))
            {
                await Task.Delay(Delays[attempt], cancellationToken);
            }
        }
    }

    // A silo forwarding a call to a dead one reports the connection failure as a plain OrleansException with
    // the cause in its message, so any failure of Orleans' messaging counts; errors of ours
    // (TorrentClusterException) are not Orleans' and are never retried. A call that timed out is not retried
    // either: it already waited the whole call timeout, for a silo that is cut off or frozen.
    private static bool IsTransient(Exception? exception) => exception switch
    {
        null or TimeoutException => false,
        ConnectionFailedException or SiloUnavailableException or OrleansMessageRejectionException
            or GatewayTooBusyException or OrleansException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsTransient),
        _ => IsTransient(exception.InnerException),
    };
}
