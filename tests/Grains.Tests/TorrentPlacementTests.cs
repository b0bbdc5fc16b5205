using TorrentCluster.Abstractions.Cluster;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Grains.Tests;

[Collection(TwoSiloClusterCollection.Name)]
public sealed class TorrentPlacementTests(TwoSiloCluster fixture)
{
    [Fact]
    public async Task Torrents_added_through_the_grain_API_land_on_different_silos_and_each_answers_its_own_peers()
    {
        // 6 torrents of 4 MiB through a 512 KB/s seeder: the transfers last long enough to see the seeder as a peer.
        using var seeder = new LoopbackSeeder(uploadRateLimit: 512 * 1024);
        var added = new List<InfoHashPair>();
        for (var i = 0; i < 6; i++)
        {
            var (torrentFile, _) = seeder.Seed($"placement-{i}.bin", 4 * 1024 * 1024, seed: 100 + i);
            added.Add(await fixture.Grains.GetGrain<ITorrentIntakeGrain>(0).AddAsync(new AddTorrentCommand { TorrentFile = torrentFile }));
        }

        var summaries = new List<TorrentSummary>();
        foreach (var infoHash in added)
        {
            var torrent = fixture.Grains.GetGrain<ITorrentGrain>(infoHash.Canonical);
            await torrent.AddPeersAsync([new PeerEndpoint("127.0.0.1", seeder.Port)]);
            summaries.Add(await torrent.GetSummaryAsync());
        }

        var silos = summaries.Select(summary => summary.Silo).Distinct().ToList();
        Assert.Equal(2, silos.Count);

        foreach (var infoHash in added)
        {
            var torrent = fixture.Grains.GetGrain<ITorrentGrain>(infoHash.Canonical);
            await Eventually.Until(
                async () => (await torrent.GetPeersAsync()).Peers.Any(peer => peer.Ip.Port == seeder.Port && peer.Progress == 1.0f),
                TimeSpan.FromSeconds(30),
                $"torrent {infoHash.Canonical} to list the seeder as a peer");
        }

        // Each silo's own view lists exactly the torrents placed on it.
        foreach (var silo in fixture.Cluster.GetActiveSilos())
        {
            var listed = await fixture.Grains.GetGrain<ISiloGrain>(silo.SiloAddress.ToParsableString()).ListTorrentKeysAsync();
            var expected = summaries.Where(summary => summary.Silo == silo.Name).Select(summary => summary.InfoHash.Canonical).Order();
            Assert.Equal(expected, listed.Where(added.Select(a => a.Canonical).Contains).Order());
        }

        foreach (var infoHash in added)
        {
            await fixture.Grains.GetGrain<ITorrentGrain>(infoHash.Canonical).RemoveAsync(removeData: true);
        }
    }

    [Fact]
    public async Task Adding_a_torrent_twice_is_an_error_and_keeps_one_copy()
    {
        using var seeder = new LoopbackSeeder(uploadRateLimit: 0);
        var (torrentFile, _) = seeder.Seed("twice.bin", 1024 * 1024, seed: 7);
        var intake = fixture.Grains.GetGrain<ITorrentIntakeGrain>(0);
        var infoHash = await intake.AddAsync(new AddTorrentCommand { TorrentFile = torrentFile, Paused = true });

        var error = await Assert.ThrowsAsync<TorrentCluster.Abstractions.Errors.TorrentClusterException>(
            () => intake.AddAsync(new AddTorrentCommand { TorrentFile = torrentFile }));
        Assert.Equal(TorrentCluster.Abstractions.Errors.ClusterErrorCode.TorrentExists, error.Code);

        var summary = await fixture.Grains.GetGrain<ITorrentGrain>(infoHash.Canonical).GetSummaryAsync();
        Assert.True(summary.Paused);
        await fixture.Grains.GetGrain<ITorrentGrain>(infoHash.Canonical).RemoveAsync(removeData: true);
    }

    [Fact]
    public async Task A_hybrid_torrent_is_found_by_its_v2_hash_too()
    {
        using var seeder = new LoopbackSeeder(uploadRateLimit: 0);
        var (torrentFile, _) = seeder.Seed("hybrid.bin", 1024 * 1024, seed: 8);
        var infoHash = await fixture.Grains.GetGrain<ITorrentIntakeGrain>(0).AddAsync(new AddTorrentCommand { TorrentFile = torrentFile, Paused = true });
        Assert.NotNull(infoHash.V1);
        Assert.NotNull(infoHash.V2);

        var canonical = await fixture.Grains.GetGrain<IInfoHashAliasGrain>(infoHash.V2!).GetCanonicalAsync();
        Assert.Equal(infoHash.V1, canonical);
        await fixture.Grains.GetGrain<ITorrentGrain>(infoHash.Canonical).RemoveAsync(removeData: true);
        Assert.Null(await fixture.Grains.GetGrain<IInfoHashAliasGrain>(infoHash.V2!).GetCanonicalAsync());
    }

    [Fact]
    public async Task A_torrent_that_does_not_exist_is_not_found()
    {
        var error = await Assert.ThrowsAsync<TorrentCluster.Abstractions.Errors.TorrentClusterException>(
            () => fixture.Grains.GetGrain<ITorrentGrain>(new string('a', 40)).GetPeersAsync());
        Assert.Equal(TorrentCluster.Abstractions.Errors.ClusterErrorCode.TorrentNotFound, error.Code);
    }
}
