using Orleans.Concurrency;
using Microsoft.Extensions.Logging;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Grains.Hosting;

namespace TorrentCluster.Grains.Torrents;

/// <summary>
/// One shard of the durable list of torrents. Reentrant so that torrents registering themselves are never
/// stuck behind a long reactivation pass that is waiting on them; writes go through one gate.
/// </summary>
[Reentrant]
internal sealed partial class TorrentCatalogGrain(
    [PersistentState("catalog", StorageNames.Cluster)] IPersistentState<TorrentCatalogShard> shard,
    ILogger<TorrentCatalogGrain> logger) : Grain, ITorrentCatalogGrain
{
    private const int ActivationParallelism = 64;

    private Task _writes = Task.CompletedTask;
    private Task<int>? _activationPass;

    public Task RegisterAsync(string infoHash) => ChangeAsync(keys => keys.Add(infoHash));

    public Task UnregisterAsync(string infoHash) => ChangeAsync(keys => keys.Remove(infoHash));

    public Task<IReadOnlyList<string>> ListAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. shard.State.InfoHashes]);

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
        var keys = shard.State.InfoHashes.ToArray();
        var stale = new List<string>();
        using var throttle = new SemaphoreSlim(ActivationParallelism);
        await Task.WhenAll(keys.Select(async key =>
        {
            await throttle.WaitAsync();
            try
            {
                if (!await GrainFactory.GetGrain<ITorrentGrain>(key).EnsureActiveAsync())
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

        return keys.Length - stale.Count;
    }

    // Writes of interleaved calls are chained: each waits for the one before it, so no two overlap.
    private Task ChangeAsync(Func<HashSet<string>, bool> change)
    {
        _writes = ChangeAfterAsync(_writes, change);
        return _writes;
    }

    private async Task ChangeAfterAsync(Task previous, Func<HashSet<string>, bool> change)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        if (change(shard.State.InfoHashes))
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
}
