using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TorrentCluster.Abstractions.Cluster;
using TorrentCluster.Grains.Lifecycle;

namespace TorrentCluster.Grains.Placement;

/// <summary>
/// Reads every active silo's torrent count (<see cref="ISiloGrain.GetSummaryAsync"/>) on a timer into
/// <see cref="SiloTorrentCounts"/>, from the time the silo is active until it stops, so that placement reads counts
/// and never waits for them.
/// </summary>
internal sealed partial class TorrentCountRefresher(
    IGrainFactory grains,
    ISiloStatusOracle silos,
    SiloTorrentCounts counts,
    IOptions<TorrentCountOptions> options,
    TimeProvider clock,
    ILogger<TorrentCountRefresher> logger)
    : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly SiloBackgroundWork _background = new();

    public void Participate(ISiloLifecycle lifecycle) => _background.Subscribe(lifecycle, nameof(TorrentCountRefresher), RunAsync);

    public void Dispose() => _background.Dispose();

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshPeriod, clock);
        do
        {
            await RefreshAsync().ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }

    private async Task RefreshAsync()
    {
        var active = silos.GetApproximateSiloStatuses(onlyActive: true).Keys.ToList();
        var answers = await Task.WhenAll(active.Select(ReadAsync)).ConfigureAwait(false);
        counts.Update(answers.OfType<(SiloAddress, int)>().ToDictionary(), active);
    }

    // A silo that does not answer in time keeps its last count: one sick silo must not hold up the others' counts.
    private async Task<(SiloAddress Silo, int Count)?> ReadAsync(SiloAddress silo)
    {
        try
        {
            var summary = await grains.GetGrain<ISiloGrain>(silo.ToParsableString()).GetSummaryAsync()
                .WaitAsync(options.Value.RefreshTimeout, clock).ConfigureAwait(false);
            return (silo, summary.Torrents);
        }
        catch (Exception exception) when (exception is TimeoutException or OrleansException)
        {
            LogUnanswered(logger, silo, exception.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Silo {Silo} did not report its torrent count: {Reason}")]
    private static partial void LogUnanswered(ILogger logger, SiloAddress silo, string reason);
}
