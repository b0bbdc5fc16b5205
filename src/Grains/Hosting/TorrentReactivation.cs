using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Grains.Hosting;

/// <summary>
/// Brings every torrent of the catalog back when a silo starts, so no torrent waits for an API call to run again
/// after a restart. Runs in the background, shard by shard in parallel, without holding up the silo's start.
/// </summary>
internal sealed partial class TorrentReactivation(IGrainFactory grains, ILogger<TorrentReactivation> logger)
    : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private const int ShardParallelism = 8;

    private readonly CancellationTokenSource _stopping = new();
    private Task _pass = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(TorrentReactivation), ServiceLifecycleStage.Active, OnStartAsync, OnStopAsync);

    public void Dispose() => _stopping.Dispose();

    private Task OnStartAsync(CancellationToken cancellationToken)
    {
        _pass = Task.Run(() => ReactivateAllAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task OnStopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _pass.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task ReactivateAllAsync(CancellationToken cancellationToken)
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
            LogReactivated(total, clock.ElapsedMilliseconds);
        }
        catch (OperationCanceledException)
        {
            // The silo is stopping.
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogReactivationFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reactivated {Count} torrents in {ElapsedMilliseconds} ms")]
    private partial void LogReactivated(int count, long elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reactivating torrents failed")]
    private partial void LogReactivationFailed(Exception exception);
}
