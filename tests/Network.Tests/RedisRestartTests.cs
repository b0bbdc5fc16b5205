using System.Diagnostics;
using System.Text.Json;
using TorrentCluster.Engine;
using TorrentCluster.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TorrentCluster.Network.Tests;

public sealed class RedisRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Redis_killed_and_restarted_from_its_append_only_file_during_adds_loses_no_answered_add_and_half_applies_none()
    {
        await using var farm = await NamespacedCluster.StartAsync(silos: 2);
        using var seeder = new LoopbackSeeder(uploadRateLimit: 0, address: farm.Network.HostAddress);
        var torrents = Enumerable.Range(0, 36)
            .Select(i => seeder.Seed($"redis-{i}.bin", 16 * 1024, seed: 900 + i, TorrentVersion.V1).TorrentFile)
            .ToList();

        var answered = new List<string>();
        var refused = new List<string>();
        var back = new Stopwatch();
        for (var i = 0; i < torrents.Count; i++)
        {
            if (i == 12)
            {
                await farm.Cluster.Redis.KillAsync();
            }

            if (i == 24)
            {
                await farm.Cluster.Redis.RestartAsync();
                back.Start();
            }

            var answer = await AddAsync(farm, torrents[i]);
            // Once Redis is back, the silos take adds again as soon as they have reconnected: a refused add is
            // tried again, and must then be accepted, not found half-added ("already exists").
            while (i >= 24 && !answer.TryGetProperty("result", out _) && back.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
                answer = await AddAsync(farm, torrents[i]);
            }

            if (answer.TryGetProperty("result", out var result))
            {
                answered.Add(result.GetProperty("info_hash")[0].GetString()!);
                if (i == 24)
                {
                    output.WriteLine($"adds accepted again {back.Elapsed.TotalSeconds:0.0} s after Redis restarted");
                }
            }
            else
            {
                var error = answer.GetProperty("error");
                Assert.True(i < 24, $"add {i}, after Redis came back, still failed after 30 s: {error}");
                Assert.True(error.GetProperty("code").GetInt32() == -32000, $"add {i} failed with {error}, not -32000");
                Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
                refused.Add(TorrentMetadata.Parse(torrents[i]).InfoHashes.V1!);
            }
        }

        output.WriteLine($"{answered.Count} adds answered OK, {refused.Count} refused with -32000 while Redis was down");
        Assert.Equal(12, refused.Count); // every add while Redis was down, none before or after

        // Every answered add is there; a refused one is nowhere, neither listed nor left in an engine.
        List<JsonElement> listed = [];
        await Eventually.Until(async () =>
        {
            listed = await farm.Cluster.ListTorrentsAsync();
            return answered.All(key => listed.Any(t => NamespacedCluster.Key(t) == key));
        }, TimeSpan.FromSeconds(60), "every answered add to be listed");
        Assert.DoesNotContain(listed, t => refused.Contains(NamespacedCluster.Key(t)));
        Assert.Equal(answered.Count, listed.Count);
        await Eventually.Until(async () => (await farm.RunningBySiloAsync()).Values.Sum() == answered.Count, TimeSpan.FromSeconds(30),
            "the engines to host exactly the answered torrents");
    }

    private static Task<JsonElement> AddAsync(NamespacedCluster farm, byte[] torrentFile) =>
        farm.Gateway.Rpc.CallAsync("torrents.add", new { ti = Convert.ToBase64String(torrentFile), paused = true });
}
