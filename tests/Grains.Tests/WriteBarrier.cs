namespace TorrentCluster.Grains.Tests;

/// <summary>
/// Lets writers through once <c>count</c> of them wait at the same time; past its deadline it lets everyone through
/// (so a test that never fills it ends, and reports how many waited at most).
/// </summary>
internal sealed class WriteBarrier(int count, TimeSpan limit)
{
    private readonly TaskCompletionSource _full = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly DateTimeOffset _deadline = DateTimeOffset.UtcNow + limit;
    private int _waiting;
    private int _mostWaiting;

    /// <summary>Whether <c>count</c> writers ever waited together.</summary>
    public bool Reached => _full.Task.IsCompleted;

    /// <summary>The most writers that waited together.</summary>
    public int MostWaiting => Volatile.Read(ref _mostWaiting);

    public async Task ArriveAsync()
    {
        var waiting = Interlocked.Increment(ref _waiting);
        RaiseMost(waiting);
        if (waiting >= count)
        {
            _full.TrySetResult();
        }

        try
        {
            var left = _deadline - DateTimeOffset.UtcNow;
            if (left > TimeSpan.Zero)
            {
                await _full.Task.WaitAsync(left);
            }
        }
        catch (TimeoutException)
        {
            // Never full before the deadline: the write goes on.
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    private void RaiseMost(int value)
    {
        var current = Volatile.Read(ref _mostWaiting);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref _mostWaiting, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
