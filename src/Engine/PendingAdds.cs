using System.Collections.Concurrent;

namespace TorrentCluster.Engine;

/// <summary>
/// Adds sent to libtorrent and not answered yet, by request id: each add_torrent_alert carries its add's id, so
/// concurrent adds, even of the same torrent, each get their own answer.
/// </summary>
internal sealed class PendingAdds
{
    private readonly ConcurrentDictionary<ulong, TaskCompletionSource<Torrent>> _pending = new();
    private long _lastId;

    /// <summary>A fresh request id and the task its answer completes.</summary>
    public (ulong Id, Task<Torrent> Answer) Register()
    {
        var id = (ulong)Interlocked.Increment(ref _lastId);
        // Continuations must not run on the alert pump: a caller's next engine call would stall every alert.
        var answer = new TaskCompletionSource<Torrent>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        return (id, answer.Task);
    }

    /// <summary>Hands the added torrent to its caller; false when nobody waits for it (the engine is closing).</summary>
    public bool Complete(ulong id, Torrent torrent) => _pending.TryRemove(id, out var answer) && answer.TrySetResult(torrent);

    public void Fail(ulong id, Exception exception)
    {
        if (_pending.TryRemove(id, out var answer))
        {
            answer.TrySetException(exception);
        }
    }

    public void FailAll(Exception exception)
    {
        foreach (var id in _pending.Keys)
        {
            Fail(id, exception);
        }
    }
}
