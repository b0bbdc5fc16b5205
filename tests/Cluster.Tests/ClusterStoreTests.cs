using StackExchange.Redis;
using TorrentCluster.Engine;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Cluster.Tests;

public sealed class ClusterStoreTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const long MaxRedisBytesPerTorrent = 2048;

    [Fact]
    public async Task A_realistic_torrent_costs_Redis_at_most_2_KB_and_its_metainfo_is_on_its_home_silos_disk()
    {
        await using var cluster = await RedisCluster.StartAsync(silos: 1);
        using var content = new TempDirectory();
        var torrentFile = RealisticTorrent.Create(content.Path, "realistic", seed: 700, trackers: ["http://127.0.0.1:9/announce", "udp://127.0.0.1:9/announce"]);
        Assert.Equal(RealisticTorrent.Pieces, TorrentMetadata.Parse(torrentFile).NumPieces);
        Assert.True(torrentFile.Length > 40_000, $"the .torrent is {torrentFile.Length} bytes");

        var v1 = (await cluster.Gateway.Rpc.ResultAsync("torrents.add", new { ti = Convert.ToBase64String(torrentFile), paused = true }))
            .GetProperty("info_hash")[0].GetString()!;

        await using var redis = await ConnectionMultiplexer.ConnectAsync(cluster.Redis.ConnectionString);
        var server = redis.GetServer(cluster.Redis.Endpoint);
        var keys = server.Keys(pattern: $"*{v1}*").ToList();
        Assert.NotEmpty(keys);
        long total = 0;
        foreach (var key in keys)
        {
            // SAMPLES 0: every element counted, not an estimate.
            var bytes = (long)await redis.GetDatabase().ExecuteAsync("MEMORY", "USAGE", key.ToString(), "SAMPLES", "0");
            output.WriteLine($"{key}: {bytes} bytes");
            total += bytes;
        }

        output.WriteLine($"a {torrentFile.Length}-byte torrent takes {total} bytes of Redis in {keys.Count} keys");
        Assert.True(total <= MaxRedisBytesPerTorrent, $"the torrent's keys take {total} bytes of Redis");

        var home = cluster.SiloNames.Single();
        Assert.Equal(torrentFile, File.ReadAllBytes(Path.Combine(cluster.Silo(home).DataPath, "resume", v1 + ".torrent")));
    }
}
