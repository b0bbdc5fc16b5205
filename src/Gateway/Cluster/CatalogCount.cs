using Microsoft.Extensions.Options;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Hosting;

namespace TorrentCluster.Gateway.Cluster;

/// <summary>
/// How many torrents the catalog holds, counted over its 64 shards and reused for a few seconds: the fleet
/// listing compares it with the torrents the silos report, and goes to the catalog itself only when they fall
/// short. A count that says "short" is never trusted from the cache: it is taken again before the listing pays
/// for the catalog. A count missing a shard that did not answer is "unknown", and counts as short.
/// </summary>
public sealed class CatalogCount(IGrainFactory grains, IOptions<GatewayOptions> options, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private (DateTimeOffset At, int Total)? _cached;

    /// <summary>True when the catalog holds more torrents than <paramref name="listed"/> (or cannot say how many it holds).</summary>
    public async Task<bool> ExceedsAsync(int listed)
    {
        if (_cached is { } cached && listed >= cached.Total)
        {
            if (clock.GetUtcNow() - cached.At >= options.Value.CatalogCountTtl)
            {
                // Stale but not short: this listing goes on; the next one gets the new count.
                _ = RefreshInBackgroundAsync();
            }

            return false;
        }

        return listed < await CountAsync();
    }

    /// <summary>Forgets the count, e.g. when a silo joined or left: the next listing counts again.</summary>
    public void Invalidate() => _cached = null;

    public void Dispose() => _refreshing.Dispose();

    private async Task RefreshInBackgroundAsync()
    {
        if (!await _refreshing.WaitAsync(0))
        {
            return;
        }

        try
        {
            await CountAsync();
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException or OperationCanceledException)
        {
            // The next listing counts again.
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private async Task<int> CountAsync()
    {
        var startedAt = clock.GetUtcNow();
        var counts = await Task.WhenAll(Enumerable.Range(0, TorrentCatalog.ShardCount)
            .Select(shard => FleetCalls.AnswerAsync(grains.GetGrain<ITorrentCatalogGrain>(shard).CountAsync(), options.Value.SiloAnswerTimeout)));
        if (!counts.All(count => count.Answered))
        {
            return int.MaxValue;
        }

        var total = counts.Sum(count => count.Value);
        _cached = (startedAt, total);
        return total;
    }
}
