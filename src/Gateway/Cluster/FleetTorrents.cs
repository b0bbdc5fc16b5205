using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using TorrentCluster.Abstractions.Cluster;
using TorrentCluster.Abstractions.Errors;
using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Gateway.Cluster;

/// <summary>
/// Every torrent of the fleet: one call per silo, in parallel, merged here. A torrent that no silo reports (its
/// silo died and it has not been placed again yet) still appears, from the catalog, as not running: the list
/// never loses a torrent, and one sick silo does not fail the whole call. A silo that is alive but does not
/// answer (cut off from this gateway, partitioned and not yet declared dead) may also host catalog shards that
/// cannot answer: its torrents are then listed from its last answer, as not running, with the reason.
/// </summary>
public sealed partial class FleetTorrents(SiloDirectory silos, IGrainFactory grains, ILogger<FleetTorrents> logger, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, IReadOnlyList<TorrentSummary> Torrents)> _lastAnswers = new(StringComparer.Ordinal);

    /// <summary>The <c>state</c> of a torrent that is not running on any silo at the moment.</summary>
    public const int NotRunningState = 0;

    // A silo that crashed answers nothing until the cluster declares it dead; do not wait Orleans' 30 s for it.
    // A catalog shard that lived there times out the same way.
    private static readonly TimeSpan SiloAnswerTimeout = TimeSpan.FromSeconds(5);

    public async Task<List<TorrentSummary>> ListAsync()
    {
        var active = await silos.GetActiveAsync();
        ForgetSilosOtherThan(active);
        var reports = active.Select(ReportAsync).ToList();
        var catalogCount = CountCatalogAsync();
        var parts = await Task.WhenAll(reports);

        var all = new List<TorrentSummary>(parts.Sum(part => part.Torrents.Count));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var summary in parts.SelectMany(part => part.Torrents))
        {
            // During a move a torrent can briefly answer from two silos; list it once.
            if (seen.Add(summary.InfoHash.Canonical))
            {
                all.Add(summary);
            }
        }

        if (parts.Any(part => !part.Answered) || seen.Count < await catalogCount)
        {
            await AddNotRunningAsync(all, seen);
        }

        return all;
    }

    // What a silo hosts: its answer, or, when it does not answer, its last answer with every torrent marked as not
    // running (the catalog shards it hosts cannot answer either, so the catalog alone would miss them).
    private async Task<(bool Answered, IReadOnlyList<TorrentSummary> Torrents)> ReportAsync(ISiloGrain silo)
    {
        var key = silo.GetPrimaryKeyString();
        try
        {
            var answer = await silo.ListTorrentsAsync().WaitAsync(SiloAnswerTimeout);
            _lastAnswers[key] = (clock.GetUtcNow(), answer);
            return (true, answer);
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException or OperationCanceledException
            or TorrentClusterException { Code: ClusterErrorCode.SiloNotFound })
        {
            // Gone, or going (a silo list from before its death names it still): the next listing asks Orleans for
            // the silos again.
            silos.Invalidate();
            LogSiloDidNotAnswer(key, exception.Message);
            return _lastAnswers.TryGetValue(key, out var last)
                ? (false, [.. last.Torrents.Select(summary => NotAnswering(summary, last.At))])
                : (false, []);
        }
    }

    private void ForgetSilosOtherThan(IReadOnlyList<ISiloGrain> active)
    {
        var keys = active.Select(silo => silo.GetPrimaryKeyString()).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _lastAnswers.Keys.Where(key => !keys.Contains(key)))
        {
            _lastAnswers.TryRemove(gone, out _);
        }
    }

    private static TorrentSummary NotAnswering(TorrentSummary summary, DateTimeOffset lastAnswer) => summary with
    {
        State = NotRunningState,
        DownloadRate = 0,
        UploadRate = 0,
        Error = $"its silo {summary.Silo} has not answered since {lastAnswer:u}",
    };

    // Shards hosted by a silo that does not answer count as unknown: a partial count forces the catalog pass,
    // which lists what the other shards know.
    private async Task<int> CountCatalogAsync()
    {
        var counts = await Task.WhenAll(Enumerable.Range(0, TorrentCatalog.ShardCount)
            .Select(shard => AnswerAsync(grains.GetGrain<ITorrentCatalogGrain>(shard).CountAsync())));
        return counts.All(count => count.Answered) ? counts.Sum(count => count.Value) : int.MaxValue;
    }

    private async Task AddNotRunningAsync(List<TorrentSummary> all, HashSet<string> seen)
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, TorrentCatalog.ShardCount)
            .Select(shard => AnswerAsync(grains.GetGrain<ITorrentCatalogGrain>(shard).ListAsync())));
        var unanswered = shards.Count(shard => !shard.Answered);
        if (unanswered == shards.Length)
        {
            // Transient, as right after a silo's crash: a read is retried (a timeout alone is not).
            throw new SiloUnavailableException("no catalog shard answered");
        }

        if (unanswered > 0)
        {
            LogCatalogShardsDidNotAnswer(unanswered);
        }

        foreach (var entry in shards.Where(shard => shard.Answered).SelectMany(shard => shard.Value).Where(entry => !seen.Contains(entry.InfoHash)))
        {
            var key = entry.InfoHash;
            all.Add(new TorrentSummary
            {
                InfoHash = InfoHashText.IsV1(key) ? new InfoHashPair(key, null) : new InfoHashPair(null, key),
                Name = string.Empty,
                State = NotRunningState,
                SavePath = string.Empty,
                Silo = string.Empty,
                Size = -1,
                Error = entry.WaitingSince is { } since
                    ? $"waiting for its home silo {entry.HomeSilo} since {since:u}"
                    : $"not running: its silo {entry.HomeSilo} is gone; it is being placed again",
            });
        }
    }

    private static async Task<(bool Answered, T Value)> AnswerAsync<T>(Task<T> call)
    {
        try
        {
            return (true, await call.WaitAsync(SiloAnswerTimeout));
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException or OperationCanceledException)
        {
            return (false, default!);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} catalog shards did not answer torrents.list; their silo is cut off or dying")]
    private partial void LogCatalogShardsDidNotAnswer(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silo} did not answer torrents.list: {Reason}")]
    private partial void LogSiloDidNotAnswer(string silo, string reason);
}
