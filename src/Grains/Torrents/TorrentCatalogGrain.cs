using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Grains.Hosting;
using TorrentCluster.Grains.Placement;

namespace TorrentCluster.Grains.Torrents;

/// <summary>
/// One shard of the durable list of torrents and their home silos. Reentrant so that torrents registering
/// themselves are never stuck behind a long reactivation pass that is waiting on them; writes are chained.
/// While torrents wait for a home silo that is gone, a timer looks again every few seconds.
/// </summary>
[Reentrant]
internal sealed partial class TorrentCatalogGrain(
    [PersistentState("catalog", StorageNames.Cluster)] IPersistentState<TorrentCatalogShard> shard,
    IClusterMembershipService membership,
    IOptions<PlacementOptions> placement,
    TimeProvider clock,
    ILogger<TorrentCatalogGrain> logger) : Grain, ITorrentCatalogGrain
{
    private const int ActivationParallelism = 64;
    private static readonly TimeSpan WaitingRecheck = TimeSpan.FromSeconds(5);

    // In memory only: after a full restart the grace period starts again, which errs on the side of not moving data.
    private readonly Dictionary<string, DateTimeOffset> _waitingSince = new(StringComparer.Ordinal);
    private Task _writes = Task.CompletedTask;
    private Task<int>? _activationPass;
    private IGrainTimer? _waitingTimer;

    public Task RegisterAsync(string infoHash, string homeSilo) => ChangeAsync(state =>
    {
        var added = state.InfoHashes.Add(infoHash);
        var moved = !state.Homes.TryGetValue(infoHash, out var previous) || previous != homeSilo;
        state.Homes[infoHash] = homeSilo;
        _waitingSince.Remove(infoHash);
        return added || moved;
    });

    public Task UnregisterAsync(string infoHash) => ChangeAsync(state =>
    {
        state.Homes.Remove(infoHash);
        _waitingSince.Remove(infoHash);
        return state.InfoHashes.Remove(infoHash);
    });

    public Task<IReadOnlyList<CatalogEntry>> ListAsync() => Task.FromResult<IReadOnlyList<CatalogEntry>>(
        [.. shard.State.InfoHashes.Select(key => new CatalogEntry(key, shard.State.Homes.GetValueOrDefault(key), _waitingSince.TryGetValue(key, out var since) ? since : null))]);

    public Task<int> CountAsync() => Task.FromResult(shard.State.InfoHashes.Count);

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
        var keys = shard.State.InfoHashes.ToArray();
        var stale = new List<string>();
        using var throttle = new SemaphoreSlim(ActivationParallelism);
        await Task.WhenAll(keys.Select(async key =>
        {
            var home = shard.State.Homes.GetValueOrDefault(key);
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
                var exists = await HomeSilo.CallAsync(
                    home is not null && activeSilos.Contains(home) ? home : null,
                    () => GrainFactory.GetGrain<ITorrentGrain>(key).EnsureActiveAsync());
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
        return keys.Length - stale.Count;
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

    // Writes of interleaved calls are chained: each waits for the one before it, so no two overlap.
    private Task ChangeAsync(Func<TorrentCatalogShard, bool> change)
    {
        _writes = ChangeAfterAsync(_writes, change);
        return _writes;
    }

    private async Task ChangeAfterAsync(Task previous, Func<TorrentCatalogShard, bool> change)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        if (change(shard.State))
        {
            await shard.WriteStateAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Torrent {InfoHash} could not be activated: {Reason}")]
    private partial void LogActivationFailed(string infoHash, string reason);
}

/// <summary>The persisted shard.</summary>
[GenerateSerializer]
public sealed class TorrentCatalogShard
{
    [Id(0)] public HashSet<string> InfoHashes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The home silo of each torrent, by name.</summary>
    [Id(1)] public Dictionary<string, string> Homes { get; set; } = new(StringComparer.Ordinal);
}
