using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Grains.Lifecycle;

/// <summary>
/// Brings every torrent of the catalog back, so no torrent waits for an API call to run again: when a silo starts
/// (after a restart of it or of the whole cluster) and whenever the cluster declares a silo dead (its torrents
/// then activate on the silos that are left). Runs in the background, shard by shard in parallel.
/// </summary>
internal sealed partial class TorrentReactivation(
    IGrainFactory grains,
    IClusterMembershipService membership,
    ILogger<TorrentReactivation> logger)
    : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private const int ShardParallelism = 8;
    private const int MaxAttempts = 5;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    private readonly SiloBackgroundWork _background = new();

    public void Participate(ISiloLifecycle lifecycle) => _background.Subscribe(lifecycle, nameof(TorrentReactivation), RunAsync);

    public void Dispose() => _background.Dispose();

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await ReactivateAllAsync("silo started", cancellationToken).ConfigureAwait(false);
        HashSet<SiloAddress>? dead = null;
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var nowDead = snapshot.Members.Values.Where(member => member.Status == SiloStatus.Dead).Select(member => member.SiloAddress).ToHashSet();
                // Silos that were dead before this one started are covered by the start-up pass.
                if (dead is not null && nowDead.Except(dead).Any())
                {
                    await ReactivateAllAsync("a silo died", cancellationToken).ConfigureAwait(false);
                }

                dead = nowDead;
            }
        }
        catch (OperationCanceledException)
        {
            // The silo is stopping.
        }
    }

    // A pass that fails (a shard's silo died under it) is tried again: a torrent left inactive would wait forever.
    private async Task ReactivateAllAsync(string reason, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (await TryReactivateAllAsync(reason, cancellationToken).ConfigureAwait(false) || cancellationToken.IsCancellationRequested)
            {
                return;
            }

            await Task.Delay(RetryDelay, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task<bool> TryReactivateAllAsync(string reason, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var total = 0;
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, TorrentCatalog.ShardCount),
                new ParallelOptions { MaxDegreeOfParallelism = ShardParallelism, CancellationToken = cancellationToken },
                async (shard, _) => Interlocked.Add(
                    ref total,
                    await grains.GetGrain<ITorrentCatalogGrain>(shard).EnsureTorrentsActiveAsync().ConfigureAwait(false)))
                .ConfigureAwait(false);
            LogReactivated(total, reason, clock.ElapsedMilliseconds);
            return true;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogReactivationFailed(reason, exception);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reactivated {Count} torrents ({Reason}) in {ElapsedMilliseconds} ms")]
    private partial void LogReactivated(int count, string reason, long elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reactivating torrents ({Reason}) failed")]
    private partial void LogReactivationFailed(string reason, Exception exception);
}
