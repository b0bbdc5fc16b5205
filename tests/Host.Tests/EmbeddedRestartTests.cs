using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Host.Tests;

public sealed class EmbeddedRestartTests
{
    [Fact]
    public async Task A_completed_torrent_comes_back_seeding_after_a_restart_without_downloading_again()
    {
        using var root = new TempDirectory();
        var dataPath = Path.Combine(root.Path, "host");
        string v1;
        long size;
        using (var seeder = new LoopbackSeeder(uploadRateLimit: 0))
        {
            var (torrentFile, _) = seeder.Seed("restart.bin", 16L * 1024 * 1024, seed: 16);
            await using var first = await HostProcess.StartEmbeddedAsync(dataPath);
            var added = await first.Rpc.ResultAsync("torrents.add", new { ti = Convert.ToBase64String(torrentFile) });
            v1 = added.GetProperty("info_hash")[0].GetString()!;
            await first.Rpc.ResultAsync("torrents.peers.add", new { info_hash = v1, peers = new object[] { new object[] { "127.0.0.1", seeder.Port } } });
            await ListedTorrents.WaitAsync(first, v1, ListedTorrents.IsComplete, TimeSpan.FromSeconds(60), "the first download to complete");
            size = (await ListedTorrents.GetAsync(first, v1)).GetProperty("size").GetInt64();
            await first.StopAsync();
        }

        // The seeder is gone: whatever the restarted host shows complete came from its own disk.
        await using var second = await HostProcess.StartEmbeddedAsync(dataPath);
        await ListedTorrents.WaitAsync(
            second,
            v1,
            torrent => ListedTorrents.IsComplete(torrent) && torrent.GetProperty("state").GetInt32() == 5,
            TimeSpan.FromSeconds(30),
            "the torrent to be listed, seeding at progress 1.0, after the restart");

        var listed = await ListedTorrents.GetAsync(second, v1);
        Assert.Equal(size, listed.GetProperty("size").GetInt64());
        Assert.Equal(size, listed.GetProperty("total_done").GetInt64());
    }

    [Fact]
    public async Task A_paused_torrent_stays_paused_after_a_restart()
    {
        using var root = new TempDirectory();
        var dataPath = Path.Combine(root.Path, "host");
        using var seeder = new LoopbackSeeder(uploadRateLimit: 0);
        var (torrentFile, _) = seeder.Seed("paused.bin", 1024 * 1024, seed: 3);
        string v1;
        await using (var first = await HostProcess.StartEmbeddedAsync(dataPath))
        {
            v1 = (await first.Rpc.ResultAsync("torrents.add", new { ti = Convert.ToBase64String(torrentFile) })).GetProperty("info_hash")[0].GetString()!;
            await first.Rpc.ResultAsync("torrents.pause", new { info_hash = v1 });
            await first.StopAsync();
        }

        await using var second = await HostProcess.StartEmbeddedAsync(dataPath);
        await ListedTorrents.WaitAsync(
            second,
            v1,
            torrent => torrent.GetProperty("flags").EnumerateArray().Any(flag => flag.GetString() == "paused"),
            TimeSpan.FromSeconds(30),
            "the torrent to come back paused");
    }
}
