using Microsoft.Extensions.DependencyInjection;
using TorrentCluster.Abstractions.Cluster;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Engine;
using TorrentCluster.Grains.Persistence;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Grains.Tests;

/// <summary>
/// What an add makes durable, and in what order: the catalog entry before the record (an entry without a record
/// is found stale and dropped, a record without an entry would never be started again), nothing left behind when
/// the record cannot be written, and adds that wait on their writes together rather than a few at a time.
/// </summary>
public sealed class TorrentAddPersistenceTests(ObservedStorageCluster fixture) : IClassFixture<ObservedStorageCluster>
{
    [Fact]
    public async Task An_add_has_its_catalog_entry_stored_before_it_starts_writing_the_record()
    {
        var (torrentFile, key) = NewTorrent("order");

        await Intake.AddAsync(new AddTorrentCommand { TorrentFile = torrentFile, Paused = true });

        var events = fixture.Events.Of(key);
        var entryStored = IndexOf(events, ObservedCatalogStore.Name, "set");
        var recordStarted = IndexOf(events, ObservedGrainStorage.Name, "write started");
        Assert.True(entryStored >= 0 && recordStarted > entryStored, $"writes of the add, in order: {Describe(events)}");
        Assert.True(IndexOf(events, ObservedGrainStorage.Name, "written") > recordStarted);
        await Torrent(key).RemoveAsync(removeData: true);
    }

    [Fact]
    public async Task An_add_whose_record_cannot_be_written_fails_and_leaves_no_catalog_entry_no_metainfo_and_no_torrent_in_the_engine()
    {
        var (torrentFile, key) = NewTorrent("refused");
        fixture.Storage.FailRecordWritesOf(key);
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => Intake.AddAsync(new AddTorrentCommand { TorrentFile = torrentFile, Paused = true }));
        }
        finally
        {
            fixture.Storage.StopFailing(key);
        }

        var events = fixture.Events.Of(key);
        var entryStored = IndexOf(events, ObservedCatalogStore.Name, "set");
        var recordFailed = IndexOf(events, ObservedGrainStorage.Name, "write failed");
        var entryRemoved = IndexOf(events, ObservedCatalogStore.Name, "removed");
        Assert.True(entryStored >= 0 && recordFailed > entryStored && entryRemoved > recordFailed, $"writes of the add, in order: {Describe(events)}");
        var catalog = fixture.Grains.GetGrain<ITorrentCatalogGrain>(TorrentCatalog.ShardOf(key));
        Assert.DoesNotContain(key, (await catalog.ListAsync()).Select(entry => entry.InfoHash));
        var silo = fixture.Cluster.Silos[0];
        Assert.DoesNotContain(key, await fixture.Grains.GetGrain<ISiloGrain>(silo.SiloAddress.ToParsableString()).ListTorrentKeysAsync());
        Assert.False(silo.ServiceProvider.GetRequiredService<MetainfoStore>().Contains(key));

        // The engine let go of it: a second add of the same torrent is taken (the engine refuses one it holds).
        var added = await Intake.AddAsync(new AddTorrentCommand { TorrentFile = torrentFile, Paused = true });
        Assert.Equal(key, added.Canonical);
        Assert.Contains(key, (await catalog.ListAsync()).Select(entry => entry.InfoHash));
        await Torrent(key).RemoveAsync(removeData: true);
    }

    [Fact]
    public async Task Adds_sent_together_wait_on_their_record_writes_together()
    {
        // Orleans keeps at most one stateless worker a core on a silo: more adds than that must be under way at once.
        var together = 4 * Environment.ProcessorCount;
        var torrents = Enumerable.Range(0, together).Select(i => NewTorrent($"together-{i}")).ToList();
        var barrier = fixture.Storage.HoldRecordWrites(together, TimeSpan.FromSeconds(30));
        try
        {
            await Task.WhenAll(torrents.Select(torrent => Intake.AddAsync(new AddTorrentCommand { TorrentFile = torrent.File, Paused = true })));
        }
        finally
        {
            fixture.Storage.ReleaseRecordWrites();
        }

        Assert.True(barrier.Reached, $"at most {barrier.MostWaiting} of {together} adds waited on their record writes together");
        foreach (var (_, key) in torrents)
        {
            await Torrent(key).RemoveAsync(removeData: true);
        }
    }

    private ITorrentIntakeGrain Intake => fixture.Grains.GetGrain<ITorrentIntakeGrain>(0);

    private ITorrentGrain Torrent(string key) => fixture.Grains.GetGrain<ITorrentGrain>(key);

    // A small single-file v1 torrent of its own content; adds are paused, so the data is never read.
    private (byte[] File, string Key) NewTorrent(string name)
    {
        var content = Path.Combine(fixture.Root.Path, "content", name);
        Directory.CreateDirectory(content);
        TestFiles.CreateRandom(Path.Combine(content, $"{name}.bin"), 64 * 1024, seed: name.GetHashCode(StringComparison.Ordinal));
        var file = TorrentCreator.Create(new CreateTorrentOptions { Path = content, Version = TorrentVersion.V1, PieceSize = 16 * 1024 });
        return (file, TorrentMetadata.Parse(file).InfoHashes.V1!);
    }

    private static int IndexOf(IReadOnlyList<PersistenceEvent> events, string store, string action) =>
        events.ToList().FindIndex(item => item.Store == store && item.Action == action);

    private static string Describe(IReadOnlyList<PersistenceEvent> events) =>
        string.Join(", ", events.Select(item => $"{item.Store} {item.Action}"));
}
