using System.Text.Json;
using TorrentCluster.Engine;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Cluster.Tests;

public sealed class MetainfoFailoverTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task A_torrent_whose_home_and_disk_are_gone_comes_back_from_the_swarm_complete_with_both_hashes()
    {
        // Grace 0: the torrent moves as soon as its silo is declared dead.
        await using var cluster = await RedisCluster.StartAsync(silos: 3, new Dictionary<string, string> { ["TorrentCluster__Placement__RehomeGrace"] = "00:00:00" });
        using var tracker = new HttpTracker();
        using var seeder = new LoopbackSeeder(uploadRateLimit: 0);
        // Hybrid: the silo that takes it over knows it by a magnet link, which must carry both hashes.
        var (torrentFile, sourcePath) = seeder.Seed("swarm.bin", 8L * 1024 * 1024, seed: 77, TorrentVersion.Hybrid, [tracker.AnnounceUrl]);
        var hashes = TorrentMetadata.Parse(torrentFile).InfoHashes;
        var added = await cluster.Gateway.Rpc.ResultAsync("torrents.add", new { ti = Convert.ToBase64String(torrentFile) });
        var v1 = added.GetProperty("info_hash")[0].GetString()!;
        Assert.Equal(hashes.V2, added.GetProperty("info_hash")[1].GetString());

        await Eventually.Until(async () => Progress(await FindAsync(cluster, v1)) >= 1.0, TimeSpan.FromSeconds(60), "the download to complete on its home");
        var home = (await FindAsync(cluster, v1))!.Value.GetProperty("silo").GetString()!;
        Assert.True(File.Exists(MetainfoPath(cluster, home, v1)), "the home keeps the metainfo on its disk");
        var others = cluster.SiloNames.Where(name => name != home).ToList();
        Assert.All(others, name => Assert.False(File.Exists(MetainfoPath(cluster, name, v1)), $"{name} has the metainfo before the failover"));

        // Killed, and its disk with it as far as the others can tell: each silo has a data folder of its own.
        await cluster.Silo(home).KillAsync();
        await Eventually.Until(
            async () => await FindAsync(cluster, v1) is { } torrent && torrent.GetProperty("silo").GetString() is { Length: > 0 } silo && silo != home && Progress(torrent) >= 1.0,
            TimeSpan.FromSeconds(120),
            "the torrent to complete on another silo, from the swarm");

        var moved = (await FindAsync(cluster, v1))!.Value;
        var newHome = moved.GetProperty("silo").GetString()!;
        output.WriteLine($"killed {home}; the torrent came back complete on {newHome}");
        Assert.Equal(v1, moved.GetProperty("info_hash")[0].GetString());
        Assert.Equal(hashes.V2, moved.GetProperty("info_hash")[1].GetString());
        Assert.Equal(TestFiles.Sha256(sourcePath), TestFiles.Sha256(Path.Combine(moved.GetProperty("save_path").GetString()!, "swarm.bin")));

        // The metadata came from the swarm, and the new home keeps it on its disk like any other.
        await Eventually.Until(() => File.Exists(MetainfoPath(cluster, newHome, v1)), TimeSpan.FromSeconds(30), "the new home to keep the metainfo");
        Assert.Equal(hashes, TorrentMetadata.Parse(File.ReadAllBytes(MetainfoPath(cluster, newHome, v1))).InfoHashes);
    }

    private static string MetainfoPath(RedisCluster cluster, string silo, string key) => Path.Combine(cluster.Silo(silo).DataPath, "resume", key + ".torrent");

    private static async Task<JsonElement?> FindAsync(RedisCluster cluster, string v1) =>
        (await cluster.ListTorrentsAsync()).Cast<JsonElement?>().FirstOrDefault(t => t!.Value.GetProperty("info_hash")[0].GetString() == v1);

    private static double Progress(JsonElement? torrent) => torrent?.GetProperty("progress").GetDouble() ?? 0;
}
