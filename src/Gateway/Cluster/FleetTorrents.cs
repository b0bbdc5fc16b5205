using Microsoft.Extensions.Logging;
using TorrentCluster.Abstractions.Cluster;
using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Gateway.Cluster;

/// <summary>
/// Every torrent of the fleet: one call per silo, in parallel, merged here. A torrent that no silo reports (its
/// silo died and it has not been placed again yet) still appears, from the catalog, as not running: the list
/// never loses a torrent, and one sick silo does not fail the whole call.
/// </summary>
public sealed partial class FleetTorrents(SiloDirectory silos, IGrainFactory grains, ILogger<FleetTorrents> logger)
{
    /// <summary>The <c>state</c> of a torrent that is not running on any silo at the moment.</summary>
    public const int NotRunningState = 0;

    // A silo that crashed answers nothing until the cluster declares it dead; do not wait Orleans' 30 s for it.
    // A catalog shard that lived there times out the same way: the whole listing is then retried (a read).
    private static readonly TimeSpan SiloAnswerTimeout = TimeSpan.FromSeconds(5);

    public async Task<List<TorrentSummary>> ListAsync()
    {
        var active = await silos.GetActiveAsync();
        var reports = active.Select(ListOrNothingAsync).ToList();
        var catalogCount = CountCatalogAsync();
        var parts = await Task.WhenAll(reports);

        var all = new List<TorrentSummary>(parts.Sum(part => part?.Count ?? 0));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var summary in parts.SelectMany(part => part ?? []))
        {
            // During a move a torrent can briefly answer from two silos; list it once.
            if (seen.Add(summary.InfoHash.Canonical))
            {
                all.Add(summary);
            }
        }

        if (parts.Any(part => part is null) || seen.Count < await catalogCount)
        {
            await AddNotRunningAsync(all, seen);
        }

        return all;
    }

    private async Task<IReadOnlyList<TorrentSummary>?> ListOrNothingAsync(ISiloGrain silo)
    {
        try
        {
            return await silo.ListTorrentsAsync().WaitAsync(SiloAnswerTimeout);
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException)
        {
            // Gone, or going: the next listing asks Orleans for the silos again.
            silos.Invalidate();
            LogSiloDidNotAnswer(silo.GetPrimaryKeyString(), exception.Message);
            return null;
        }
    }

    private async Task<int> CountCatalogAsync()
    {
        var counts = await Task.WhenAll(Enumerable.Range(0, TorrentCatalog.ShardCount)
            .Select(shard => grains.GetGrain<ITorrentCatalogGrain>(shard).CountAsync().WaitAsync(SiloAnswerTimeout)));
        return counts.Sum();
    }

    private async Task AddNotRunningAsync(List<TorrentSummary> all, HashSet<string> seen)
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, TorrentCatalog.ShardCount)
            .Select(shard => grains.GetGrain<ITorrentCatalogGrain>(shard).ListAsync().WaitAsync(SiloAnswerTimeout)));
        foreach (var entry in shards.SelectMany(entries => entries).Where(entry => !seen.Contains(entry.InfoHash)))
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silo} did not answer torrents.list: {Reason}")]
    private partial void LogSiloDidNotAnswer(string silo, string reason);
}
