using TorrentCluster.Engine;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Host.Tests;

public sealed class StopAndRestartTests
{
    private const int Torrents = 40;
    private const int Changed = 10;

    [Fact]
    public async Task A_graceful_stop_saves_resume_data_of_the_changed_torrents_only_and_a_restart_brings_every_torrent_back()
    {
        using var root = new TempDirectory();
        var dataPath = Path.Combine(root.Path, "host");
        var added = new List<string>();
        var changed = new HashSet<string>(StringComparer.Ordinal);
        await using (var first = await HostProcess.StartEmbeddedAsync(dataPath))
        {
            // Torrents of data the host never sees: added paused, as a farm holds most of its torrents.
            for (var i = 0; i < Torrents; i++)
            {
                var source = Path.Combine(root.Path, "source", $"farm-{i}.bin");
                TestFiles.CreateRandom(source, 64 * 1024, seed: 4_000 + i);
                var torrentFile = TorrentCreator.Create(new CreateTorrentOptions { Path = source, Version = TorrentVersion.V1 });
                var result = await first.Rpc.ResultAsync("torrents.add", new { ti = Convert.ToBase64String(torrentFile), paused = true });
                added.Add(result.GetProperty("info_hash")[0].GetString()!);
            }

            // Started and paused again: a change libtorrent flags, where the others are as they were added (their
            // metainfo file and record bring them back as they are, with nothing a save would add).
            foreach (var infoHash in added.Take(Changed))
            {
                changed.Add(infoHash);
                await first.Rpc.ResultAsync("torrents.resume", new { info_hash = infoHash });
                await first.Rpc.ResultAsync("torrents.pause", new { info_hash = infoHash });
            }

            await first.StopAsync();
            Assert.Contains($"Resume data saved at shutdown: {Changed} torrents (0 failed)", first.Output, StringComparison.Ordinal);
        }

        var saved = Directory.GetFiles(Path.Combine(dataPath, "resume"), "*.resume").Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(changed.Order(), saved.Order());

        await using var second = await HostProcess.StartEmbeddedAsync(dataPath);
        await Eventually.Until(
            async () =>
            {
                var listed = (await second.Rpc.ResultAsync("torrents.list", new { page_size = 1000 })).GetProperty("torrents").EnumerateArray().ToList();
                return listed.Count == Torrents
                    && listed.All(torrent => added.Contains(torrent.GetProperty("info_hash")[0].GetString()!)
                        && torrent.GetProperty("flags").EnumerateArray().Any(flag => flag.GetString() == "paused"));
            },
            TimeSpan.FromSeconds(60),
            $"all {Torrents} torrents listed, paused, after the restart");

        // Nothing changed since the last stop: the next one has nothing to save.
        await second.StopAsync();
        Assert.Contains("Resume data saved at shutdown: 0 torrents (0 failed)", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_torrent_stopped_part_way_through_its_download_comes_back_with_its_progress()
    {
        using var root = new TempDirectory();
        var dataPath = Path.Combine(root.Path, "host");
        string v1;
        // A slow seeder: the host is stopped while the download is under way, long before the torrent finishes
        // (a finished torrent is saved when it finishes; this one only by the shutdown pass).
        using (var seeder = new LoopbackSeeder(uploadRateLimit: 512 * 1024))
        {
            var (torrentFile, _) = seeder.Seed("part-way.bin", 64L * 1024 * 1024, seed: 4_242);
            await using var first = await HostProcess.StartEmbeddedAsync(dataPath);
            v1 = (await first.Rpc.ResultAsync("torrents.add", new { ti = Convert.ToBase64String(torrentFile) })).GetProperty("info_hash")[0].GetString()!;
            await first.Rpc.ResultAsync("torrents.peers.add", new { info_hash = v1, peers = new object[] { new object[] { "127.0.0.1", seeder.Port } } });
            await ListedTorrents.WaitAsync(first, v1, torrent => torrent.GetProperty("total_done").GetInt64() >= 2L * 1024 * 1024, TimeSpan.FromSeconds(60), "2 MiB downloaded");
            await first.StopAsync();
            Assert.Contains("Resume data saved at shutdown: 1 torrents (0 failed)", first.Output, StringComparison.Ordinal);
        }

        Assert.True(File.Exists(Path.Combine(dataPath, "resume", v1 + ".resume")), "no resume data saved for the torrent");
        // The seeder is gone: what the restarted host has, it read from its resume data and its own disk.
        await using var second = await HostProcess.StartEmbeddedAsync(dataPath);
        await ListedTorrents.WaitAsync(
            second,
            v1,
            torrent => torrent.GetProperty("total_done").GetInt64() >= 2L * 1024 * 1024,
            TimeSpan.FromSeconds(30),
            "the torrent back with at least the 2 MiB it had downloaded");
        var listed = await ListedTorrents.GetAsync(second, v1);
        Assert.True(listed.GetProperty("progress").GetDouble() < 1.0, $"listed as {listed}");
    }
}
