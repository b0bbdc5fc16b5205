using System.Collections.Concurrent;
using TorrentCluster.Abstractions.Events;
using TorrentCluster.Gateway.Cluster;

namespace TorrentCluster.Gateway.Events;

/// <summary>
/// This gateway's one subscription to the events of every active silo, held while it has event clients. Orleans
/// observers are leases: it renews with each silo's <see cref="ITorrentEventsGrain"/> at a third of the lease the
/// silo answers, and the same round subscribes silos that joined since. Disposing it unsubscribes at once; a
/// silo that does not hear it lets the lease lapse.
/// </summary>
internal sealed partial class FleetSubscription : ITorrentEventObserver, IAsyncDisposable
{
    // A silo that did not answer is asked again this soon, not a third of a lease later.
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(2);

    private readonly IGrainFactory _grains;
    private readonly SiloDirectory _silos;
    private readonly Action<TorrentEventBatch> _deliver;
    private readonly TimeSpan _answerTimeout;
    private readonly ILogger _logger;
    private readonly ITorrentEventObserver _reference;
    private readonly ConcurrentDictionary<string, bool> _subscribedSilos = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _firstRound = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewals;

    public FleetSubscription(IGrainFactory grains, SiloDirectory silos, Action<TorrentEventBatch> deliver, TimeSpan answerTimeout, ILogger logger)
    {
        _grains = grains;
        _silos = silos;
        _deliver = deliver;
        _answerTimeout = answerTimeout;
        _logger = logger;
        // Orleans holds the observer weakly: this object keeps it alive for as long as the subscription lasts.
        _reference = grains.CreateObjectReference<ITorrentEventObserver>(this);
        _renewals = RenewAsync(_stop.Token);
    }

    /// <summary>Done once every active silo has been asked once, whether it answered or not.</summary>
    public Task FirstRound => _firstRound.Task;

    public Task OnEventsAsync(TorrentEventBatch batch)
    {
        _deliver(batch);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        // The loop ends on the cancellation; nothing it could throw then changes what is left to undo.
        await _renewals.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await Task.WhenAll(_subscribedSilos.Keys.Select(UnsubscribeAsync));
        _grains.DeleteObjectReference<ITorrentEventObserver>(_reference);
        _stop.Dispose();
    }

    private async Task RenewAsync(CancellationToken stop)
    {
        await Task.Yield();
        while (!stop.IsCancellationRequested)
        {
            var next = await SubscribeEverywhereAsync(stop);
            _firstRound.TrySetResult();
            try
            {
                await Task.Delay(next, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        _firstRound.TrySetResult();
    }

    // Asks every active silo; answers when to renew: a third of the shortest lease, or soon when a silo failed.
    private async Task<TimeSpan> SubscribeEverywhereAsync(CancellationToken stop)
    {
        IReadOnlyList<Abstractions.Cluster.ISiloGrain> active;
        try
        {
            active = await _silos.GetActiveAsync();
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stop.IsCancellationRequested)
        {
            // Whatever failed, the renewals go on: a stopped loop would let every silo's lease lapse under the clients.
            LogSiloListFailed(exception.Message);
            return RetryAfterFailure;
        }

        var leases = await Task.WhenAll(active.Select(silo => SubscribeAsync(silo.GetPrimaryKeyString(), stop)));
        var shortest = leases.Where(lease => lease is not null).Select(lease => lease!.Value).DefaultIfEmpty(RetryAfterFailure * 3).Min();
        var renewal = shortest / 3;
        return leases.Any(lease => lease is null) && RetryAfterFailure < renewal ? RetryAfterFailure : renewal;
    }

    private async Task<TimeSpan?> SubscribeAsync(string silo, CancellationToken stop)
    {
        // Noted before asking: a subscription that lands after this side gave up waiting is still ended at dispose.
        _subscribedSilos[silo] = true;
        try
        {
            return await _grains.GetGrain<ITorrentEventsGrain>(silo).SubscribeAsync(_reference).WaitAsync(_answerTimeout, stop);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stop.IsCancellationRequested)
        {
            // A silo cut off, frozen or dying: its events are missed until it answers a later round.
            LogSubscribeFailed(silo, exception.Message);
            return null;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private async Task UnsubscribeAsync(string silo)
    {
        try
        {
            await _grains.GetGrain<ITorrentEventsGrain>(silo).UnsubscribeAsync(_reference).WaitAsync(_answerTimeout);
        }
        catch (Exception exception) when (exception is TimeoutException or OrleansException or ObjectDisposedException)
        {
            // Its lease lapses instead.
            LogUnsubscribeFailed(silo, exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Events: could not list the active silos: {Reason}")]
    private partial void LogSiloListFailed(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Events: silo {Silo} did not take the subscription: {Reason}")]
    private partial void LogSubscribeFailed(string silo, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Events: silo {Silo} did not take the unsubscription, its lease will lapse: {Reason}")]
    private partial void LogUnsubscribeFailed(string silo, string reason);
}
