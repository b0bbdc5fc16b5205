using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Grains.Catalog;
using TorrentCluster.Grains.Hosting;
using TorrentCluster.Grains.Placement;

namespace TorrentCluster.Grains.Torrents;

/// <summary>
/// One shard of the durable list of torrents and their home silos. Held in memory while active; every change is
/// written to the <see cref="ITorrentCatalogStore"/> entry by entry, so an add costs the same with ten torrents in
/// the shard as with ten thousand. Reentrant so that torrents registering themselves are never stuck behind a long
/// reactivation pass that is waiting on them; changes made while a write is under way go out together in the next.
/// While torrents wait for a home silo that is gone, a timer looks again every few seconds.
/// </summary>
[Reentrant]
internal sealed partial class TorrentCatalogGrain(
    [PersistentState("catalog", StorageNames.Cluster)] IPersistentState<TorrentCatalogShard> legacy,
    ITorrentCatalogStore store,
    IClusterMembershipService membership,
    IOptions<PlacementOptions> placement,
    TimeProvider clock,
    ILogger<TorrentCatalogGrain> logger) : Grain, ITorrentCatalogGrain
{
    private const int ActivationParallelism = 64;
    private static readonly TimeSpan WaitingRecheck = TimeSpan.FromSeconds(5);

    // In memory only: after a full restart the grace period starts again, which errs on the side of not moving data.
    private readonly Dictionary<string, DateTimeOffset> _waitingSince = new(StringComparer.Ordinal);
    private Dictionary<string, string?> _homes = new(StringComparer.Ordinal);
    private Task _writes = Task.CompletedTask;
    private List<CatalogChange>? _openBatch;
    private Task _openBatchWritten = Task.CompletedTask;
    private Task<int>? _activationPass;
    private IGrainTimer? _waitingTimer;

    private int Shard => (int)this.GetPrimaryKeyLong();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await MigrateLegacyShardAsync();
        _homes = new Dictionary<string, string?>(await store.LoadAsync(Shard), StringComparer.Ordinal);
    }

    public Task RegisterAsync(string infoHash, string homeSilo)
    {
        _waitingSince.Remove(infoHash);
        var known = _homes.TryGetValue(infoHash, out var previous);
        if (known && previous == homeSilo)
        {
            return _writes;
        }

        _homes[infoHash] = homeSilo;
        return UndoIfNotWrittenAsync(WriteAsync(CatalogChange.Set(infoHash, homeSilo)), infoHash, homeSilo, known, previous);
    }

    public Task UnregisterAsync(string infoHash)
    {
        _waitingSince.Remove(infoHash);
        return _homes.Remove(infoHash, out var previous)
            ? UndoIfNotWrittenAsync(WriteAsync(CatalogChange.Remove(infoHash)), infoHash, null, true, previous)
            : _writes;
    }

    public Task<IReadOnlyList<CatalogEntry>> ListAsync() => Task.FromResult<IReadOnlyList<CatalogEntry>>(
        [.. _homes.Select(entry => new CatalogEntry(entry.Key, entry.Value, _waitingSince.TryGetValue(entry.Key, out var since) ? since : null))]);

    public Task<int> CountAsync() => Task.FromResult(_homes.Count);

    public Task<int> EnsureTorrentsActiveAsync()
    {
        // Several silos may ask at once after a restart: one pass serves them all.
        if (_activationPass is null || _activationPass.IsCompleted)
        {
            _activationPass = ActivateAllAsync();
        }

        return _activationPass;
    }

    private async Task<int> ActivateAllAsync()
    {
        var activeSilos = membership.CurrentSnapshot.Members.Values
            .Where(member => member.Status == SiloStatus.Active)
            .Select(member => member.Name)
            .ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var entries = _homes.ToArray();
        var stale = new List<string>();
        using var throttle = new SemaphoreSlim(ActivationParallelism);
        await Task.WhenAll(entries.Select(async entry =>
        {
            var (key, home) = entry;
            if (home is not null && !activeSilos.Contains(home) && !GraceOver(key, now))
            {
                return;
            }

            _waitingSince.Remove(key);
            await throttle.WaitAsync();
            try
            {
                // Home alive: the torrent goes there. Home gone for good: placement chooses, and the torrent's
                // new silo becomes its home when it activates.
                var exists = await TargetSilo.CallAsync(
                    home is not null && activeSilos.Contains(home) ? home : null,
                    () => GrainFactory.GetGrain<ITorrentGrain>(key).ExistsAsync());
                if (!exists)
                {
                    stale.Add(key);
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                LogActivationFailed(key, exception.Message);
            }
            finally
            {
                throttle.Release();
            }
        }));

        foreach (var key in stale)
        {
            await UnregisterAsync(key);
        }

        UpdateWaitingTimer();
        return entries.Length - stale.Count;
    }

    private bool GraceOver(string key, DateTimeOffset now)
    {
        if (!_waitingSince.TryGetValue(key, out var since))
        {
            _waitingSince[key] = since = now;
        }

        return now - since >= placement.Value.RehomeGrace;
    }

    private void UpdateWaitingTimer()
    {
        if (_waitingSince.Count > 0 && _waitingTimer is null)
        {
            _waitingTimer = this.RegisterGrainTimer(
                _ => EnsureTorrentsActiveAsync(),
                new GrainTimerCreationOptions(WaitingRecheck, WaitingRecheck) { Interleave = true, KeepAlive = true });
        }
        else if (_waitingSince.Count == 0 && _waitingTimer is not null)
        {
            _waitingTimer.Dispose();
            _waitingTimer = null;
        }
    }

    // A change the store refused (Redis down) is taken back here too, unless a later call changed the entry again:
    // the caller's add fails, so the torrent must not be listed, nor skipped as already written when it registers
    // again. A change that reached the store although its answer was lost is found stale on the next activation pass.
    private async Task UndoIfNotWrittenAsync(Task written, string infoHash, string? applied, bool existed, string? previous)
    {
        try
        {
            await written;
        }
        catch
        {
            var current = _homes.TryGetValue(infoHash, out var now);
            if (current == (applied is not null) && now == applied)
            {
                if (existed)
                {
                    _homes[infoHash] = previous;
                }
                else
                {
                    _homes.Remove(infoHash);
                }
            }

            throw;
        }
    }

    // Changes of interleaved calls join the batch that has not started writing yet; batches are written one after
    // the other, in order. Everything here runs on the grain's one thread, so no lock is needed.
    private Task WriteAsync(CatalogChange change)
    {
        if (_openBatch is not null)
        {
            _openBatch.Add(change);
            return _openBatchWritten;
        }

        var batch = new List<CatalogChange> { change };
        _openBatch = batch;
        _openBatchWritten = _writes = WriteAfterAsync(_writes, batch);
        return _openBatchWritten;
    }

    private async Task WriteAfterAsync(Task previous, List<CatalogChange> batch)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        if (ReferenceEquals(_openBatch, batch))
        {
            _openBatch = null;
        }

        await store.ApplyAsync(Shard, batch);
    }

    // The catalog once kept a shard as one grain-state blob that every add rewrote whole. A shard still stored that
    // way moves into the store once, entry by entry, and the blob is cleared; after that, activating costs one read
    // of an empty state.
    private async Task MigrateLegacyShardAsync()
    {
        if (legacy.State.InfoHashes.Count == 0)
        {
            return;
        }

        var changes = legacy.State.InfoHashes
            .Select(key => CatalogChange.Set(key, legacy.State.Homes.GetValueOrDefault(key)))
            .ToList();
        await store.ApplyAsync(Shard, changes);
        await legacy.ClearStateAsync();
        legacy.State = new TorrentCatalogShard();
        LogMigrated(Shard, changes.Count);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Torrent {InfoHash} could not be activated: {Reason}")]
    private partial void LogActivationFailed(string infoHash, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog shard {Shard}: {Count} torrents moved from the shard blob into the catalog store")]
    private partial void LogMigrated(int shard, int count);
}

/// <summary>The shard as one grain-state blob, as the catalog stored it before <see cref="ITorrentCatalogStore"/>: read only to migrate.</summary>
[GenerateSerializer]
public sealed class TorrentCatalogShard
{
    [Id(0)] public HashSet<string> InfoHashes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The home silo of each torrent, by name.</summary>
    [Id(1)] public Dictionary<string, string> Homes { get; set; } = new(StringComparer.Ordinal);
}
