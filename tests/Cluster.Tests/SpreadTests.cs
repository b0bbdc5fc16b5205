using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Cluster.Tests;

public sealed class SpreadTests
{
    [Fact]
    public async Task Thirty_torrents_added_through_the_gateway_spread_over_three_silos()
    {
        await using var cluster = await RedisCluster.StartAsync(silos: 3);
        using var files = new LoopbackSeeder(uploadRateLimit: 0);
        for (var i = 0; i < 30; i++)
        {
            var (torrentFile, _) = files.Seed($"spread-{i}.bin", 16 * 1024, seed: 1000 + i);
            await cluster.Gateway.Rpc.ResultAsync("torrents.add", new { ti = Convert.ToBase64String(torrentFile), paused = true });
        }

        var torrents = await cluster.ListTorrentsAsync();
        Assert.Equal(30, torrents.Count);
        var perSilo = torrents.GroupBy(torrent => torrent.GetProperty("silo").GetString()!).ToDictionary(group => group.Key, group => group.Count());
        Assert.True(perSilo.Count == 3, $"torrents per silo: {string.Join(", ", perSilo.Select(pair => $"{pair.Key}={pair.Value}"))}");
        Assert.All(perSilo.Values, count => Assert.True(count <= 15, $"torrents per silo: {string.Join(", ", perSilo.Select(pair => $"{pair.Key}={pair.Value}"))}"));

        var silos = (await cluster.Gateway.Rpc.ResultAsync("cluster.silos.list", new { })).GetProperty("silos");
        foreach (var silo in silos.EnumerateArray())
        {
            Assert.Equal("active", silo.GetProperty("status").GetString());
            Assert.Equal(perSilo[silo.GetProperty("name").GetString()!], silo.GetProperty("torrents").GetInt32());
            Assert.True(silo.GetProperty("free_disk").GetInt64() > 0);
            Assert.True(silo.GetProperty("listen_port").GetInt32() > 0);
        }
    }
}
