using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Grains.Catalog;
using TorrentCluster.Grains.Hosting;
using TorrentCluster.Grains.Torrents;
using Xunit;

namespace TorrentCluster.Grains.Tests;

[Collection(TwoSiloClusterCollection.Name)]
public sealed class CatalogGrainTests(TwoSiloCluster fixture)
{
    [Fact]
    public async Task Registering_a_torrent_writes_as_much_to_a_shard_holding_thousands_as_to_an_empty_one()
    {
        const int shard = 9;
        const int many = 3_000;
        var catalog = fixture.Grains.GetGrain<ITorrentCatalogGrain>(shard);
        var journal = new JournalCatalogStore(Path.Combine(fixture.Root.Path, "catalog")).PathOf(shard);
        var keys = CatalogKeys.InShard(shard, many + 1, salt: 1);
        await catalog.CountAsync();

        var first = await GrowthAsync(journal, () => catalog.RegisterAsync(keys[0], "silo-a"));
        foreach (var chunk in keys.Skip(1).Take(many - 1).Chunk(100))
        {
            await Task.WhenAll(chunk.Select(key => catalog.RegisterAsync(key, "silo-a")));
        }

        var last = await GrowthAsync(journal, () => catalog.RegisterAsync(keys[many], "silo-a"));
        var again = await GrowthAsync(journal, () => catalog.RegisterAsync(keys[many], "silo-a"));

        Assert.True(first > 0);
        Assert.Equal(first, last);
        Assert.Equal(0, again);
        var listed = (await catalog.ListAsync()).Select(entry => entry.InfoHash).ToHashSet();
        Assert.Superset(listed, keys.ToHashSet());
        foreach (var chunk in keys.Chunk(100))
        {
            await Task.WhenAll(chunk.Select(catalog.UnregisterAsync));
        }

        Assert.DoesNotContain((await catalog.ListAsync()).Select(entry => entry.InfoHash), keys.Contains);
    }

    [Fact]
    public async Task A_registration_the_store_refuses_fails_and_leaves_the_torrent_unlisted_so_that_registering_it_again_writes_it()
    {
        const int shard = 13;
        var catalog = fixture.Grains.GetGrain<ITorrentCatalogGrain>(shard);
        var journal = new JournalCatalogStore(Path.Combine(fixture.Root.Path, "catalog")).PathOf(shard);
        var key = CatalogKeys.InShard(shard, 1, salt: 4)[0];
        await catalog.CountAsync();
        File.Delete(journal);
        // A folder where the journal goes: every append fails, as every write does while Redis is down.
        Directory.CreateDirectory(journal);
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => catalog.RegisterAsync(key, "silo-a"));
            Assert.DoesNotContain(key, (await catalog.ListAsync()).Select(entry => entry.InfoHash));
        }
        finally
        {
            Directory.Delete(journal);
        }

        await catalog.RegisterAsync(key, "silo-a");

        Assert.Contains(key, (await catalog.ListAsync()).Select(entry => entry.InfoHash));
        Assert.Contains(key, (await new JournalCatalogStore(Path.Combine(fixture.Root.Path, "catalog")).LoadAsync(shard)).Keys);
        await catalog.UnregisterAsync(key);
    }

    [Fact]
    public async Task A_shard_kept_as_one_blob_moves_into_the_journal_once_when_its_grain_activates()
    {
        const int shard = 11;
        var catalog = fixture.Grains.GetGrain<ITorrentCatalogGrain>(shard);
        await catalog.CountAsync();
        await fixture.Cluster.DeactivateAsync(catalog);
        var keys = CatalogKeys.InShard(shard, 50, salt: 2);
        var blob = new TorrentCatalogShard();
        foreach (var key in keys)
        {
            blob.InfoHashes.Add(key);
            blob.Homes[key] = "old-silo";
        }

        // Written as the catalog before the journal wrote it: one state of the cluster's grain storage.
        blob.Homes.Remove(keys[0]);
        var storage = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Cluster);
        await storage.WriteStateAsync("catalog", catalog.GetGrainId(), new GrainState<TorrentCatalogShard>(blob));

        var listed = (await catalog.ListAsync()).Where(entry => keys.Contains(entry.InfoHash)).ToDictionary(entry => entry.InfoHash, entry => entry.HomeSilo);

        Assert.Equal(keys.Order(), listed.Keys.Order());
        Assert.Null(listed[keys[0]]);
        Assert.All(keys.Skip(1), key => Assert.Equal("old-silo", listed[key]));
        var left = new GrainState<TorrentCatalogShard>();
        await storage.ReadStateAsync("catalog", catalog.GetGrainId(), left);
        Assert.Empty(left.State?.InfoHashes ?? []);
        var journal = await new JournalCatalogStore(Path.Combine(fixture.Root.Path, "catalog")).LoadAsync(shard);
        Assert.All(keys, key => Assert.Contains(key, journal.Keys));
        foreach (var key in keys)
        {
            await catalog.UnregisterAsync(key);
        }
    }

    private static async Task<long> GrowthAsync(string path, Func<Task> write)
    {
        var before = File.Exists(path) ? new FileInfo(path).Length : 0;
        await write();
        return new FileInfo(path).Length - before;
    }
}
