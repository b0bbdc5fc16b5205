using System.Text.Json;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Cluster.Tests;

public sealed class HomeSiloTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task A_restarted_silo_gets_its_torrents_back_and_a_full_cluster_restart_loses_nothing()
    {
        // A grace period longer than the test: torrents of a stopped silo wait for it rather than move.
        await using var cluster = await RedisCluster.StartAsync(silos: 3, new Dictionary<string, string> { ["TorrentCluster__Placement__RehomeGrace"] = "00:10:00" });
        using var files = new LoopbackSeeder(uploadRateLimit: 0);
        for (var i = 0; i < 9; i++)
        {
            var (torrentFile, _) = files.Seed($"home-{i}.bin", 16 * 1024, seed: 500 + i);
            await cluster.Gateway.Rpc.ResultAsync("torrents.add", new { ti = Convert.ToBase64String(torrentFile), paused = i % 3 != 0 });
        }

        var homes = Homes(await cluster.ListTorrentsAsync());
        var paused = Paused(await cluster.ListTorrentsAsync());
        Assert.Equal(9, homes.Count);
        var stopped = homes.Values.GroupBy(home => home).OrderByDescending(group => group.Count()).First().Key;
        var ofStopped = homes.Where(pair => pair.Value == stopped).Select(pair => pair.Key).ToList();

        await cluster.Silo(stopped).StopAsync();
        await Eventually.Until(
            async () =>
            {
                var torrents = await cluster.ListTorrentsAsync();
                return torrents.Count == 9 && ofStopped.All(key => torrents.Any(t => Key(t) == key
                    && t.GetProperty("state").GetInt32() == 0
                    && t.GetProperty("error").GetProperty("message").GetString()!.Contains($"waiting for its home silo {stopped}", StringComparison.Ordinal)));
            },
            TimeSpan.FromSeconds(60),
            $"the torrents of {stopped} to be listed as waiting for it");

        await cluster.StartSiloAsync(stopped);
        await Eventually.Until(async () => Homes(await cluster.ListTorrentsAsync()).SequenceEqual(homes), TimeSpan.FromSeconds(60), $"every torrent to be back on its home silo");
        output.WriteLine($"{ofStopped.Count} torrents of {stopped} came back to it after its restart");

        // Every process stopped, then started again.
        await cluster.Gateway.StopAsync();
        foreach (var silo in cluster.SiloNames.ToList())
        {
            await cluster.Silo(silo).StopAsync();
        }

        foreach (var silo in cluster.SiloNames.ToList())
        {
            await cluster.StartSiloAsync(silo);
        }

        await cluster.StartGatewayAsync();
        await cluster.WaitForActiveSilosAsync(3);
        await Eventually.Until(
            async () =>
            {
                var torrents = await cluster.ListTorrentsAsync();
                return Homes(torrents).SequenceEqual(homes) && Paused(torrents).SequenceEqual(paused);
            },
            TimeSpan.FromSeconds(60),
            "every torrent to come back on its home silo, paused as it was, after a full restart");
    }

    private static string Key(JsonElement torrent) => torrent.GetProperty("info_hash")[0].GetString() ?? torrent.GetProperty("info_hash")[1].GetString()!;

    private static SortedDictionary<string, string> Homes(List<JsonElement> torrents) =>
        new(torrents.ToDictionary(Key, torrent => torrent.GetProperty("silo").GetString()!), StringComparer.Ordinal);

    private static SortedDictionary<string, bool> Paused(List<JsonElement> torrents) =>
        new(torrents.ToDictionary(Key, torrent => torrent.GetProperty("flags").EnumerateArray().Any(flag => flag.GetString() == "paused")), StringComparer.Ordinal);
}
