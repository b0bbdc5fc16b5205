using System.Diagnostics;
using System.Text.Json;
using TorrentCluster.Engine;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Cluster.Tests;

public sealed class FailoverTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const long FileSize = 256L * 1024 * 1024;

    [Fact]
    public async Task A_torrent_whose_silo_is_killed_resumes_on_another_silo_and_completes()
    {
        // Grace 0: the torrent moves as soon as its silo is declared dead.
        await using var cluster = await RedisCluster.StartAsync(silos: 3, new Dictionary<string, string> { ["TorrentCluster__Placement__RehomeGrace"] = "00:00:00" });
        using var tracker = new HttpTracker();
        // 16 MB/s: the download lasts about 16 s, so the kill lands mid-transfer.
        using var seeder = new LoopbackSeeder(uploadRateLimit: 16 * 1024 * 1024);
        var (torrentFile, sourcePath) = seeder.Seed("failover.bin", FileSize, seed: 256, TorrentVersion.V1, [tracker.AnnounceUrl]);
        for (var i = 0; i < 5; i++)
        {
            var (other, _) = seeder.Seed($"bystander-{i}.bin", 16 * 1024, seed: 300 + i);
            await cluster.Gateway.Rpc.ResultAsync("torrents.add", new { ti = Convert.ToBase64String(other), paused = true });
        }

        var v1 = (await cluster.Gateway.Rpc.ResultAsync("torrents.add", new { ti = Convert.ToBase64String(torrentFile) })).GetProperty("info_hash")[0].GetString()!;
        var countBefore = (await cluster.ListTorrentsAsync()).Count;
        await Eventually.Until(async () => Progress(await FindAsync(cluster, v1)) >= 0.1, TimeSpan.FromSeconds(60), "the download to get going");
        var home = (await FindAsync(cluster, v1))!.Value.GetProperty("silo").GetString()!;

        await cluster.Silo(home).KillAsync();
        var clock = Stopwatch.StartNew();

        // While it moves, every answer of torrents.list still has it (running or not) and holds every torrent.
        string? newHome = null;
        while (newHome is null)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"the torrent did not resume on another silo within 60 s of the kill; gateway says:\n{cluster.Gateway.Output}");
            var torrents = await cluster.ListTorrentsAsync();
            Assert.Equal(countBefore, torrents.Count);
            var torrent = Assert.Single(torrents, t => t.GetProperty("info_hash")[0].GetString() == v1);
            var silo = torrent.GetProperty("silo").GetString();
            if (!string.IsNullOrEmpty(silo) && silo != home)
            {
                newHome = silo;
            }

            await Task.Delay(500);
        }

        var resumedAfter = clock.Elapsed;
        output.WriteLine($"killed {home}; running again on {newHome} {resumedAfter.TotalSeconds:0.0} s after the kill");
        await Eventually.Until(async () => Progress(await FindAsync(cluster, v1)) >= 1.0, TimeSpan.FromSeconds(120), "the download to complete on the new silo");
        var completed = (await FindAsync(cluster, v1))!.Value;
        var file = Path.Combine(completed.GetProperty("save_path").GetString()!, "failover.bin");
        Assert.Equal(TestFiles.Sha256(sourcePath), TestFiles.Sha256(file));
        Assert.Equal(countBefore, (await cluster.ListTorrentsAsync()).Count);
        Assert.True(resumedAfter < TimeSpan.FromSeconds(60), $"resumed after {resumedAfter}");
        output.WriteLine($"completed {clock.Elapsed.TotalSeconds:0.0} s after the kill");
    }

    private static async Task<JsonElement?> FindAsync(RedisCluster cluster, string v1) =>
        (await cluster.ListTorrentsAsync()).Cast<JsonElement?>().FirstOrDefault(t => t!.Value.GetProperty("info_hash")[0].GetString() == v1);

    private static double Progress(JsonElement? torrent) => torrent?.GetProperty("progress").GetDouble() ?? 0;
}
