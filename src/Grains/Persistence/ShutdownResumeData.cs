using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TorrentCluster.Engine;
using TorrentCluster.Grains.Engine;

namespace TorrentCluster.Grains.Persistence;

/// <summary>
/// Saves the resume data of every changed torrent in one pass when the silo stops, before Orleans deactivates the
/// torrent grains: the session is paused first (so nothing changes after its save), every torrent libtorrent marks
/// as needing a save is asked at once, and the files are written a few at a time as the answers come. A torrent grain
/// that deactivates because the silo is shutting down then has nothing left to save; waiting on the engine once per
/// grain, 100,000 times over, is what made a graceful stop slow.
/// </summary>
public sealed partial class ShutdownResumeData(
    TorrentEngine engine,
    ResumeDataStore store,
    HostedTorrentRegistry registry,
    ILogger<ShutdownResumeData> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private const int WriteParallelism = 4;

    // Within the host's shutdown timeout (30 s by default), with room left for the grains' deactivation after it;
    // a torrent not saved in time keeps its last periodic save and is re-checked on its next start.
    private static readonly TimeSpan SaveTimeout = TimeSpan.FromSeconds(20);

    private readonly ConcurrentDictionary<string, bool> _notSaved = new(StringComparer.Ordinal);
    private volatile bool _completed;

    /// <summary>
    /// True once the pass has run and saved this torrent's changes (or found none): its grain, deactivating for the
    /// shutdown, has nothing left to save.
    /// </summary>
    public bool Covers(string infoHash) => _completed && !_notSaved.ContainsKey(infoHash);

    public void Participate(ISiloLifecycle lifecycle) =>
        // Stopping runs the stages backwards: Active stops before BecomeActive, where Orleans deactivates all grains.
        lifecycle.Subscribe(nameof(ShutdownResumeData), ServiceLifecycleStage.Active, _ => Task.CompletedTask, SaveChangedAsync);

    private async Task SaveChangedAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(SaveTimeout);
        var saved = 0;
        var failed = 0;
        try
        {
            engine.Pause();
            using var writers = new SemaphoreSlim(WriteParallelism);
            await Task.WhenAll(Changed().Select(async torrent =>
            {
                if (await TrySaveAsync(torrent, writers, timeout.Token).ConfigureAwait(false))
                {
                    Interlocked.Increment(ref saved);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            })).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is TorrentEngineException or ObjectDisposedException)
        {
            // The grains save their own as they deactivate.
            LogPassFailed(exception.Message);
            return;
        }

        _completed = true;
        LogSaved(saved, failed, clock.ElapsedMilliseconds);
    }

    // One bulk status call says which torrents changed since their last save.
    private List<HostedTorrent> Changed() => engine.GetAllStatus()
        .Where(status => status.Flags.HasFlag(TorrentStatusFlags.NeedSaveResume))
        .Select(status => registry.Find(status.InfoHashes.Canonical))
        .OfType<HostedTorrent>()
        .ToList();

    private async Task<bool> TrySaveAsync(HostedTorrent hosted, SemaphoreSlim writers, CancellationToken cancellationToken)
    {
        try
        {
            var data = await engine.SaveResumeDataAsync(hosted.Torrent, cancellationToken).ConfigureAwait(false);
            await writers.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await store.WriteAsync(hosted.Key, data, CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                writers.Release();
            }

            return true;
        }
        catch (Exception exception) when (exception is TorrentEngineException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Its grain tries once more as it deactivates; failing that, the last periodic save stands and the next
            // activation re-checks what changed since.
            _notSaved[hosted.Key] = true;
            LogNotSaved(hosted.Key, exception.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resume data saved at shutdown: {Saved} torrents ({Failed} failed) in {ElapsedMilliseconds} ms")]
    private partial void LogSaved(int saved, int failed, long elapsedMilliseconds);

    // Debug: a pass that runs out of time fails thousands at once; the summary says how many.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Resume data of {InfoHash} not saved at shutdown: {Reason}")]
    private partial void LogNotSaved(string infoHash, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Saving resume data at shutdown failed: {Reason}")]
    private partial void LogPassFailed(string reason);
}
