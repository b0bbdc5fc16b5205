namespace TorrentCluster.Gateway.Cluster;

/// <summary>One call of a fan-out that may go unanswered (its silo cut off, dying, or not yet declared dead) without failing the rest.</summary>
internal static class FleetCalls
{
    public static async Task<(bool Answered, T Value)> AnswerAsync<T>(Task<T> call, TimeSpan timeout)
    {
        try
        {
            return (true, await call.WaitAsync(timeout));
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException or OperationCanceledException)
        {
            return (false, default!);
        }
    }
}
