using Microsoft.Extensions.DependencyInjection;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Engine;
using TorrentCluster.Grains.Engine;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Grains.Tests;

/// <summary>
/// A hosted torrent holds its info-hash text once: the silo's registry, its entry and the engine's status snapshot
/// share the engine's instance rather than each keeping a copy (the grain key and a stored record are copies).
/// </summary>
[Collection(TwoSiloClusterCollection.Name)]
public sealed class HostedTorrentStringsTests(TwoSiloCluster fixture)
{
    [Fact]
    public async Task The_registry_entry_and_the_status_snapshot_share_the_engines_info_hash_instance()
    {
        using var seeder = new LoopbackSeeder(uploadRateLimit: 0);
        var (torrentFile, _) = seeder.Seed("strings.bin", 256 * 1024, seed: 13);
        var infoHash = await fixture.Grains.GetGrain<ITorrentIntakeGrain>(0).AddAsync(new AddTorrentCommand { TorrentFile = torrentFile, Paused = true });
        var key = infoHash.Canonical;

        var silo = fixture.Cluster.Silos.Single(silo => silo.ServiceProvider.GetRequiredService<HostedTorrentRegistry>().Contains(key));
        var hosted = silo.ServiceProvider.GetRequiredService<HostedTorrentRegistry>().Find(key)!;
        var engine = silo.ServiceProvider.GetRequiredService<TorrentEngine>();
        var text = hosted.Torrent.InfoHashes.Canonical;
        Assert.Equal(key, text);
        Assert.Same(text, hosted.Key);
        Assert.Same(text, hosted.InfoHash.Canonical);

        // The add answers before the torrent's first status, which comes with the engine's next bulk update.
        await Eventually.Until(() => engine.StatusSnapshot.ContainsKey(key), TimeSpan.FromSeconds(30), "the torrent's first status");
        Assert.Same(text, engine.StatusSnapshot[key].InfoHashes.Canonical);
        Assert.Same(text, engine.StatusSnapshot.Keys.Single(candidate => candidate == key));

        await fixture.Grains.GetGrain<ITorrentGrain>(key).RemoveAsync(removeData: true);
    }
}
