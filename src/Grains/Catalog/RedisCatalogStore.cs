using Orleans.Runtime;
using StackExchange.Redis;

namespace TorrentCluster.Grains.Catalog;

/// <summary>
/// The catalog in the cluster's Redis: one hash per shard, a field per torrent (its home silo as the value), so an
/// add is one HSET of one field whatever the shard holds. Loading reads the hash in pages (HSCAN), so a large shard
/// never blocks Redis for long. Connects on first use, with the cluster's own connection settings.
/// </summary>
public sealed class RedisCatalogStore : ITorrentCatalogStore, IAsyncDisposable
{
    private const int ScanPageSize = 1000;

    private readonly ConfigurationOptions _settings;
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private readonly string _keyPrefix;
    private ConnectionMultiplexer? _connection;

    /// <param name="configuration">The cluster's Redis connection settings (cloned here).</param>
    /// <param name="serviceId">The Orleans service id, so that services sharing one Redis keep apart catalogs.</param>
    public RedisCatalogStore(ConfigurationOptions configuration, string serviceId)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _settings = configuration.Clone();
        _keyPrefix = $"{serviceId}/catalog/";
    }

    /// <summary>The Redis key of a shard's hash.</summary>
    public RedisKey KeyOf(int shard) => $"{_keyPrefix}{shard:D3}";

    public async Task<IReadOnlyDictionary<string, string?>> LoadAsync(int shard)
    {
        var database = await DatabaseAsync().ConfigureAwait(false);
        var entries = new Dictionary<string, string?>(StringComparer.Ordinal);
        await foreach (var field in database.HashScanAsync(KeyOf(shard), pageSize: ScanPageSize).ConfigureAwait(false))
        {
            var home = (string?)field.Value;
            entries[field.Name!] = string.IsNullOrEmpty(home) ? null : home;
        }

        return entries;
    }

    public async Task ApplyAsync(int shard, IReadOnlyList<CatalogChange> changes)
    {
        try
        {
            var database = await DatabaseAsync().ConfigureAwait(false);
            var key = KeyOf(shard);
            // One connection keeps the order of the commands; sent together, they cost one round trip.
            await Task.WhenAll(changes.Select(change => change.Removed
                ? database.HashDeleteAsync(key, change.InfoHash)
                : (Task)database.HashSetAsync(key, change.InfoHash, change.HomeSilo ?? string.Empty))).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RedisException or RedisTimeoutException)
        {
            // A Redis outage is the cluster's storage failing, as Orleans' own Redis storage reports it: callers
            // (the gateway: -32000 "Cluster unavailable") know OrleansException; a RedisConnectionException would
            // reach them as an internal error.
            throw new OrleansException($"The torrent catalog's Redis did not take the change: {exception.Message}", exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }

        _connecting.Dispose();
    }

    // A first connection that fails is tried again on the next call (Redis may be restarting); once connected, the
    // multiplexer reconnects by itself.
    private async Task<IDatabase> DatabaseAsync()
    {
        if (_connection is { } connected)
        {
            return connected.GetDatabase();
        }

        await _connecting.WaitAsync().ConfigureAwait(false);
        try
        {
            _connection ??= await ConnectionMultiplexer.ConnectAsync(_settings).ConfigureAwait(false);
            return _connection.GetDatabase();
        }
        finally
        {
            _connecting.Release();
        }
    }
}
