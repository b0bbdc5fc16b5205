using System.Diagnostics;
using TorrentCluster.Engine.Interop;

namespace TorrentCluster.Engine;

// The alert pump: one thread per engine drains libtorrent's alert queue, asks for bulk status and counters every
// status interval, and raises the events below. Nothing polls per torrent.
public sealed partial class TorrentEngine
{
    private const int AlertWaitMilliseconds = 200;

    private TcSessionStats _previousCounters;
    private bool _hasPreviousCounters;

    /// <summary>A torrent was added. Raised on the pump thread, like every event here: handlers must be quick.</summary>
    public event EventHandler<TorrentEventArgs>? TorrentAdded;

    /// <summary>A torrent left the session.</summary>
    public event EventHandler<TorrentEventArgs>? TorrentRemoved;

    /// <summary>A torrent has every wanted piece.</summary>
    public event EventHandler<TorrentEventArgs>? TorrentFinished;

    /// <summary>A magnet link's metadata arrived.</summary>
    public event EventHandler<TorrentEventArgs>? MetadataReceived;

    /// <summary>A torrent was paused.</summary>
    public event EventHandler<TorrentEventArgs>? TorrentPaused;

    /// <summary>A torrent was resumed.</summary>
    public event EventHandler<TorrentEventArgs>? TorrentResumed;

    /// <summary>A torrent's files were checked.</summary>
    public event EventHandler<TorrentEventArgs>? TorrentChecked;

    /// <summary>A removed torrent's files were deleted.</summary>
    public event EventHandler<TorrentEventArgs>? FilesDeleted;

    /// <summary>A torrent failed (disk, tracker-independent errors, a failed move).</summary>
    public event EventHandler<TorrentErrorEventArgs>? TorrentError;

    /// <summary>Resume data of a torrent was written.</summary>
    public event EventHandler<ResumeDataEventArgs>? ResumeDataSaved;

    /// <summary>Resume data of a torrent could not be written.</summary>
    public event EventHandler<TorrentErrorEventArgs>? ResumeDataFailed;

    /// <summary>A torrent changed state.</summary>
    public event EventHandler<StateChangedEventArgs>? StateChanged;

    /// <summary>A torrent's files were moved.</summary>
    public event EventHandler<StorageMovedEventArgs>? StorageMoved;

    /// <summary>Torrents whose status changed since the last update, in bulk.</summary>
    public event EventHandler<StatusUpdateEventArgs>? StatusUpdated;

    /// <summary>Fresh session counters and rates.</summary>
    public event EventHandler<SessionStatsEventArgs>? StatsUpdated;

    /// <summary>Every alert, for logging.</summary>
    public event EventHandler<EngineAlertEventArgs>? AlertReceived;

    private void RunPump()
    {
        var sinceUpdate = Stopwatch.StartNew();
        NativeMethods.tc_session_post_updates(_session);
        while (!_stopping)
        {
            try
            {
                DrainAlerts();
                if (sinceUpdate.Elapsed >= _statusInterval)
                {
                    sinceUpdate.Restart();
                    NativeMethods.tc_session_post_updates(_session);
                }
            }
            catch (ObjectDisposedException)
            {
                return;
            }
        }
    }

    private unsafe void DrainAlerts()
    {
        TcError error;
        var status = NativeMethods.tc_session_pop_alerts(_session, AlertWaitMilliseconds, out var list, &error);
        if (status != TcStatus.Ok)
        {
            // Nothing to free: the shim hands out no list on failure. The next round asks again.
            Thread.Sleep(AlertWaitMilliseconds);
            return;
        }

        try
        {
            var count = NativeMethods.tc_alert_list_count(list);
            var alerts = NativeMethods.tc_alert_list_items(list);
            var updates = new StatusUpdates(list);
            for (var i = 0; i < count; i++)
            {
                // In queue order: a status posted before a torrent's removal must not outlive the removal.
                if ((EngineAlertKind)alerts[i].Type == EngineAlertKind.StateUpdate)
                {
                    updates.Apply(checked((int)alerts[i].Value), _snapshot);
                    SnapshotChanged();
                }

                Dispatch(in alerts[i]);
            }

            RaiseStatusUpdated(updates.Changed);

            TcSessionStats counters;
            if (NativeMethods.tc_alert_list_session_stats(list, &counters) != 0)
            {
                UpdateStats(counters);
            }
        }
        finally
        {
            NativeMethods.tc_alert_list_free(list);
        }
    }

    private unsafe void Dispatch(in TcAlert alert)
    {
        var kind = (EngineAlertKind)alert.Type;
        var hashes = NativeRecords.ReadHashes(alert.InfoHashV1, alert.InfoHashV2);
        var message = NativeText.Read(alert.Message);
        Raise(AlertReceived, new EngineAlertEventArgs(kind, hashes.IsEmpty ? null : hashes, message, alert.ErrorCode));

        switch (kind)
        {
            case EngineAlertKind.TorrentAdded:
                AnswerAdd(in alert, hashes);
                Raise(TorrentAdded, new TorrentEventArgs(hashes));
                break;
            case EngineAlertKind.AddFailed:
                _pendingAdds.Fail((ulong)alert.Value, NativeErrors.ToException((TcStatus)alert.Value2, message));
                break;
            case EngineAlertKind.TorrentRemoved:
                if (!hashes.IsEmpty)
                {
                    _snapshot.TryRemove(hashes.Canonical, out _);
                    SnapshotChanged();
                }

                Raise(TorrentRemoved, new TorrentEventArgs(hashes));
                break;
            case EngineAlertKind.TorrentFinished:
                // Read at once, so a listing shows the download complete now, not at the next bulk update. Not by
                // asking for the bulk update early: libtorrent then reported some torrents once as "finished" and
                // never again as "seeding" (Api.Tests' paging test waited in vain in 3 of 4 runs).
                RefreshSnapshot(hashes);
                Raise(TorrentFinished, new TorrentEventArgs(hashes));
                break;
            case EngineAlertKind.MetadataReceived:
                Raise(MetadataReceived, new TorrentEventArgs(hashes));
                break;
            case EngineAlertKind.TorrentPaused:
                Raise(TorrentPaused, new TorrentEventArgs(hashes));
                break;
            case EngineAlertKind.TorrentResumed:
                Raise(TorrentResumed, new TorrentEventArgs(hashes));
                break;
            case EngineAlertKind.Checked:
                Raise(TorrentChecked, new TorrentEventArgs(hashes));
                break;
            case EngineAlertKind.FilesDeleted:
                Raise(FilesDeleted, new TorrentEventArgs(hashes));
                break;
            case EngineAlertKind.TorrentError or EngineAlertKind.FileError or EngineAlertKind.StorageMovedFailed:
                Raise(TorrentError, new TorrentErrorEventArgs(hashes, message, alert.ErrorCode));
                break;
            case EngineAlertKind.ResumeData:
                var data = new ReadOnlySpan<byte>(alert.Data, checked((int)alert.DataSize)).ToArray();
                if (!hashes.IsEmpty)
                {
                    _resumeWaiters.Complete(hashes.Canonical, data);
                }

                Raise(ResumeDataSaved, new ResumeDataEventArgs(hashes, data));
                break;
            case EngineAlertKind.ResumeDataFailed:
                if (!hashes.IsEmpty)
                {
                    _resumeWaiters.Fail(hashes.Canonical, new TorrentEngineException($"resume data of {hashes.Canonical} not saved: {message}"));
                }

                Raise(ResumeDataFailed, new TorrentErrorEventArgs(hashes, message, alert.ErrorCode));
                break;
            case EngineAlertKind.StateChanged:
                Raise(StateChanged, new StateChangedEventArgs(hashes, (TorrentState)alert.Value, (TorrentState)alert.Value2));
                break;
            case EngineAlertKind.StorageMoved:
                // libtorrent does not count a new save path as a status change, so no state update follows: read
                // the status once here, or listings would show the old folder until something else changes.
                RefreshSnapshot(hashes);
                Raise(StorageMoved, new StorageMovedEventArgs(hashes, message));
                break;
        }
    }

    // The add's own handle and the hashes from its alert: no call back into libtorrent for either. Its status comes
    // with the next bulk update, like every other change.
    private void AnswerAdd(in TcAlert alert, InfoHashes hashes)
    {
        _snapshot.Expect(hashes);
        var torrent = Torrent.Adopt(this, NativeMethods.tc_torrent_copy(alert.Torrent), hashes);
        if (!_pendingAdds.Complete((ulong)alert.Value, torrent))
        {
            torrent.Dispose();
        }
    }

    private void RaiseStatusUpdated(List<TorrentStatus> changed)
    {
        if (changed.Count == 0)
        {
            return;
        }

        // Statuses of torrents removed later in the same list are history: leave them out.
        changed.RemoveAll(status => !_snapshot.ContainsKey(status.InfoHashes.Canonical));
        Raise(StatusUpdated, new StatusUpdateEventArgs(changed));
    }

    // The shim concatenates the statuses of every state update in a list; each state-update alert says how many
    // of them are its own, so they are applied at the alert's place in the queue.
    private sealed unsafe class StatusUpdates(nint list)
    {
        private readonly int _total = NativeMethods.tc_alert_list_status_count(list);
        private readonly TcTorrentStatus* _statuses = NativeMethods.tc_alert_list_statuses(list);
        private int _next;

        public List<TorrentStatus> Changed { get; } = [];

        public void Apply(int count, StatusSnapshot snapshot)
        {
            var end = Math.Min(_total, _next + Math.Max(0, count));
            for (; _next < end; _next++)
            {
                var status = NativeRecords.ToStatus(in _statuses[_next]);
                if (!status.InfoHashes.IsEmpty)
                {
                    snapshot[status.InfoHashes.Canonical] = status;
                    Changed.Add(status);
                }
            }
        }
    }

    private void UpdateStats(in TcSessionStats counters)
    {
        long downloadRate = 0, uploadRate = 0, payloadDownloadRate = 0, payloadUploadRate = 0;
        if (_hasPreviousCounters && counters.TimestampUs > _previousCounters.TimestampUs)
        {
            var seconds = (counters.TimestampUs - _previousCounters.TimestampUs) / 1_000_000.0;
            downloadRate = (long)((counters.BytesReceived - _previousCounters.BytesReceived) / seconds);
            uploadRate = (long)((counters.BytesSent - _previousCounters.BytesSent) / seconds);
            payloadDownloadRate = (long)((counters.PayloadReceived - _previousCounters.PayloadReceived) / seconds);
            payloadUploadRate = (long)((counters.PayloadSent - _previousCounters.PayloadSent) / seconds);
        }

        _previousCounters = counters;
        _hasPreviousCounters = true;
        var stats = new SessionStats(
            counters.BytesReceived,
            counters.BytesSent,
            counters.PayloadReceived,
            counters.PayloadSent,
            counters.IpOverheadReceived,
            counters.IpOverheadSent,
            counters.RedundantBytes,
            counters.FailedBytes,
            counters.NumPeersConnected,
            counters.NumPeersHalfOpen,
            counters.DhtNodes,
            counters.DiskReadBytes,
            counters.DiskWriteBytes,
            counters.NumCheckingTorrents,
            counters.NumDownloadingTorrents,
            counters.NumSeedingTorrents,
            counters.NumStoppedTorrents,
            counters.NumErrorTorrents,
            downloadRate,
            uploadRate,
            payloadDownloadRate,
            payloadUploadRate,
            DateTimeOffset.UtcNow);
        Stats = stats;
        Raise(StatsUpdated, new SessionStatsEventArgs(stats));
    }

    // A throwing handler must not stop the pump: every later alert would be lost.
    private void Raise<T>(EventHandler<T>? handler, T args)
        where T : EventArgs
    {
        if (handler is null)
        {
            return;
        }

        foreach (var single in handler.GetInvocationList().Cast<EventHandler<T>>())
        {
            try
            {
                single(this, args);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                Trace.TraceError($"TorrentEngine event handler failed: {exception}");
            }
        }
    }

    private void SnapshotChanged() => Interlocked.Increment(ref _statusVersion);

    private void RefreshSnapshot(InfoHashes hashes)
    {
        if (hashes.IsEmpty)
        {
            return;
        }

        try
        {
            using var torrent = Find(hashes.Canonical);
            if (torrent is not null)
            {
                _snapshot[hashes.Canonical] = torrent.GetStatus();
                SnapshotChanged();
            }
        }
        catch (TorrentEngineException)
        {
            // Removed meanwhile: the removal takes it out of the snapshot.
        }
    }
}
