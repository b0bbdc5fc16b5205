using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Cluster.Tests;

public sealed class BalancedPlacementTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Two_gateways_adding_sixty_torrents_at_the_same_moment_spread_them_over_three_silos()
    {
        // Each silo hosts a gateway of its own, whose adds are placed by that silo: two gateways are two placers.
        await using var cluster = await RedisCluster.StartAsync(silos: 3, new Dictionary<string, string> { ["TorrentCluster__Cluster__HostGateway"] = "true" });
        var gateways = new[] { cluster.Silo("silo-0"), cluster.Silo("silo-1") };
        foreach (var gateway in gateways)
        {
            await gateway.WaitUntilAnsweringAsync();
        }

        using var files = new LoopbackSeeder(uploadRateLimit: 0);
        var torrents = Enumerable.Range(0, 60)
            .Select(i => Convert.ToBase64String(files.Seed($"concurrent-{i}.bin", 16 * 1024, seed: 3000 + i).TorrentFile))
            .ToList();
        using var start = new SemaphoreSlim(0);
        var adds = torrents.Select(async (torrent, i) =>
        {
            await start.WaitAsync();
            await gateways[i % 2].Rpc.ResultAsync("torrents.add", new { ti = torrent, paused = true });
        }).ToList();
        start.Release(torrents.Count);
        await Task.WhenAll(adds);

        var listed = await cluster.ListTorrentsAsync();
        Assert.Equal(60, listed.Count);
        var perSilo = listed.GroupBy(torrent => torrent.GetProperty("silo").GetString()!).ToDictionary(group => group.Key, group => group.Count());
        var shown = string.Join(", ", perSilo.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"));
        output.WriteLine($"torrents per silo: {shown}");
        Assert.All(perSilo.Values, count => Assert.True(count <= 25, $"torrents per silo: {shown}"));
    }

    [Fact]
    public async Task A_count_refresh_period_of_zero_stops_the_host_at_start_and_names_the_setting()
    {
        using var data = new TempDirectory();
        var start = HostProcess.StartEmbeddedAsync(data.Path, new Dictionary<string, string> { ["TorrentCluster__Placement__Counts__RefreshPeriod"] = "00:00:00" });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => start);
        Assert.Contains("TorrentCluster:Placement:Counts:RefreshPeriod must be positive", error.Message, StringComparison.Ordinal);
    }
}
