using System.Globalization;
using StackExchange.Redis;
using TorrentCluster.Grains.Catalog;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Grains.Tests;

/// <summary>Both catalog stores against the real thing: files on disk, a redis-server process.</summary>
public sealed class CatalogStoreTests
{
    private const int Shard = 5;
    private const int ManyTorrents = 5_000;

    [Fact]
    public async Task An_add_appends_as_much_to_a_journal_holding_thousands_of_torrents_as_to_an_empty_one()
    {
        using var folder = new TempDirectory();
        var store = new JournalCatalogStore(folder.Path);
        var keys = CatalogKeys.InShard(Shard, ManyTorrents + 1);

        var first = await BytesWrittenAsync(() => store.ApplyAsync(Shard, [CatalogChange.Set(keys[0], "silo-a")]), () => JournalLength(store));
        foreach (var chunk in keys.Skip(1).Take(ManyTorrents - 1).Chunk(500))
        {
            await store.ApplyAsync(Shard, [.. chunk.Select(key => CatalogChange.Set(key, "silo-a"))]);
        }

        var last = await BytesWrittenAsync(() => store.ApplyAsync(Shard, [CatalogChange.Set(keys[ManyTorrents], "silo-a")]), () => JournalLength(store));

        Assert.True(first > 0);
        Assert.Equal(first, last);
        Assert.Equal(ManyTorrents + 1, (await new JournalCatalogStore(folder.Path).LoadAsync(Shard)).Count);
    }

    [Fact]
    public async Task A_journal_read_again_holds_what_was_recorded_and_is_compacted_to_it()
    {
        using var folder = new TempDirectory();
        var keys = CatalogKeys.InShard(Shard, 100);
        var store = new JournalCatalogStore(folder.Path);
        await store.ApplyAsync(Shard, [.. keys.Select(key => CatalogChange.Set(key, "silo a"))]);
        await store.ApplyAsync(Shard, [.. keys.Take(60).Select(CatalogChange.Remove)]);
        await store.ApplyAsync(Shard, [CatalogChange.Set(keys[99], "silo\nb"), CatalogChange.Set(keys[98], null)]);
        // A crash in the middle of an append leaves a line without its end.
        await File.AppendAllTextAsync(store.PathOf(Shard), "+" + keys[0]);
        var before = JournalLength(store);

        var loaded = await new JournalCatalogStore(folder.Path).LoadAsync(Shard);

        Assert.Equal(keys.Skip(60).Order(), loaded.Keys.Order());
        Assert.Equal("silo\nb", loaded[keys[99]]);
        Assert.Null(loaded[keys[98]]);
        Assert.Equal("silo a", loaded[keys[60]]);
        Assert.True(JournalLength(store) < before, "the journal was not compacted");
        Assert.Equal(40, File.ReadAllLines(store.PathOf(Shard)).Length);
        Assert.Equal(loaded.OrderBy(entry => entry.Key), (await new JournalCatalogStore(folder.Path).LoadAsync(Shard)).OrderBy(entry => entry.Key));
    }

    [Fact]
    public async Task An_add_sends_as_much_to_Redis_for_a_shard_holding_thousands_of_torrents_as_for_an_empty_one()
    {
        await using var redis = await RedisServer.StartAsync(password: RedisServer.NewPassword());
        var settings = ConfigurationOptions.Parse(redis.ConnectionString);
        await using var store = new RedisCatalogStore(settings, "catalog-test");
        await using var observer = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");
        var server = observer.GetServer(observer.GetEndPoints()[0]);
        var keys = CatalogKeys.InShard(Shard, ManyTorrents + 1);
        // Connected before measuring: the connection's own handshake is not an add's cost.
        Assert.Empty(await store.LoadAsync(Shard));

        var first = await BytesWrittenAsync(() => store.ApplyAsync(Shard, [CatalogChange.Set(keys[0], "silo-a")]), () => BytesReceivedAsync(server));
        foreach (var chunk in keys.Skip(1).Take(ManyTorrents - 1).Chunk(500))
        {
            await store.ApplyAsync(Shard, [.. chunk.Select(key => CatalogChange.Set(key, "silo-a"))]);
        }

        var last = await BytesWrittenAsync(() => store.ApplyAsync(Shard, [CatalogChange.Set(keys[ManyTorrents], "silo-a")]), () => BytesReceivedAsync(server));

        Assert.True(first > 0);
        Assert.Equal(first, last);
        await store.ApplyAsync(Shard, [CatalogChange.Remove(keys[0]), CatalogChange.Set(keys[1], "silo-b")]);
        // A crash of redis-server (SIGKILL, then a start on the same append-only file) keeps every answered write.
        await using var afterRestart = new RedisCatalogStore(settings, "catalog-test");
        await redis.RestartAsync();
        var loaded = await afterRestart.LoadAsync(Shard);
        Assert.Equal(ManyTorrents, loaded.Count);
        Assert.DoesNotContain(keys[0], loaded.Keys);
        Assert.Equal("silo-b", loaded[keys[1]]);
        Assert.Empty(await new RedisCatalogStore(settings, "another-service").LoadAsync(Shard));
    }

    [Fact]
    public async Task A_change_sent_while_Redis_is_down_fails_as_the_cluster_being_unavailable_and_the_next_one_after_its_restart_is_kept()
    {
        await using var redis = await RedisServer.StartAsync(password: RedisServer.NewPassword());
        var settings = ConfigurationOptions.Parse(redis.ConnectionString);
        await using var store = new RedisCatalogStore(settings, "catalog-test");
        var keys = CatalogKeys.InShard(Shard, 2, salt: 3);
        await store.ApplyAsync(Shard, [CatalogChange.Set(keys[0], "silo-a")]);

        await redis.KillAsync();
        await Assert.ThrowsAsync<Orleans.Runtime.OrleansException>(() => store.ApplyAsync(Shard, [CatalogChange.Set(keys[1], "silo-a")]));
        await redis.RestartAsync();
        await Eventually.Until(async () =>
        {
            try
            {
                await store.ApplyAsync(Shard, [CatalogChange.Set(keys[1], "silo-b")]);
                return true;
            }
            catch (Orleans.Runtime.OrleansException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(30), "the store to write again once Redis is back");

        var loaded = await store.LoadAsync(Shard);
        Assert.Equal("silo-a", loaded[keys[0]]);
        Assert.Equal("silo-b", loaded[keys[1]]);
    }

    private static async Task<long> BytesWrittenAsync(Func<Task> write, Func<long> measure) =>
        await BytesWrittenAsync(write, () => Task.FromResult(measure()));

    private static async Task<long> BytesWrittenAsync(Func<Task> write, Func<Task<long>> measure)
    {
        var before = await measure();
        await write();
        return await measure() - before;
    }

    private static long JournalLength(JournalCatalogStore store) => File.Exists(store.PathOf(Shard)) ? new FileInfo(store.PathOf(Shard)).Length : 0;

    // What Redis has read from all its clients; the observer's own INFO call costs the same bytes every time.
    private static async Task<long> BytesReceivedAsync(IServer server)
    {
        var stats = await server.InfoAsync("stats");
        var value = stats.SelectMany(group => group).Single(entry => entry.Key == "total_net_input_bytes").Value;
        return long.Parse(value, CultureInfo.InvariantCulture);
    }
}
