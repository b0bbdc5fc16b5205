namespace TorrentCluster.Engine;

/// <summary>
/// Callers waiting for a torrent's resume data, by canonical info-hash. Several may wait on one torrent: one
/// alert answers them all.
/// </summary>
internal sealed class ResumeDataWaiters
{
    private readonly Dictionary<string, List<TaskCompletionSource<byte[]>>> _waiting = new(StringComparer.Ordinal);

    public Task<byte[]> Register(string key, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiting)
        {
            if (!_waiting.TryGetValue(key, out var list))
            {
                _waiting[key] = list = [];
            }

            list.Add(waiter);
        }

        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() =>
            {
                Remove(key, waiter);
                waiter.TrySetCanceled(cancellationToken);
            });
            waiter.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return waiter.Task;
    }

    public void Complete(string key, byte[] data)
    {
        foreach (var waiter in Take(key))
        {
            waiter.TrySetResult(data);
        }
    }

    public void Fail(string key, Exception exception)
    {
        foreach (var waiter in Take(key))
        {
            waiter.TrySetException(exception);
        }
    }

    public void FailAll(Exception exception)
    {
        List<TaskCompletionSource<byte[]>> all;
        lock (_waiting)
        {
            all = [.. _waiting.Values.SelectMany(list => list)];
            _waiting.Clear();
        }

        foreach (var waiter in all)
        {
            waiter.TrySetException(exception);
        }
    }

    private List<TaskCompletionSource<byte[]>> Take(string key)
    {
        lock (_waiting)
        {
            return _waiting.Remove(key, out var list) ? list : [];
        }
    }

    private void Remove(string key, TaskCompletionSource<byte[]> waiter)
    {
        lock (_waiting)
        {
            if (_waiting.TryGetValue(key, out var list) && list.Remove(waiter) && list.Count == 0)
            {
                _waiting.Remove(key);
            }
        }
    }
}
