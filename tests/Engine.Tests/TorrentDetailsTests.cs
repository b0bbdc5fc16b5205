using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Engine.Tests;

public sealed class TorrentDetailsTests
{
    [Fact]
    public async Task Files_trackers_limits_and_moving_storage_work_on_a_completed_torrent()
    {
        using var root = new TempDirectory();
        using var tracker = new HttpTracker();
        var folder = Path.Combine(root.Path, "source", "pack");
        TestFiles.CreateRandom(Path.Combine(folder, "one.bin"), 300_000, seed: 31);
        TestFiles.CreateRandom(Path.Combine(folder, "sub", "two.bin"), 500_000, seed: 32);
        var torrentFile = TorrentCreator.Create(new CreateTorrentOptions { Path = folder, Version = TorrentVersion.V1, Trackers = [tracker.AnnounceUrl] });
        using var engine = LoopbackEngine.Create(FreePort.Next());
        var moved = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        engine.StorageMoved += (_, e) => moved.TrySetResult(e.Path);

        using var torrent = await engine.AddAsync(new AddTorrentRequest { TorrentFile = torrentFile, SavePath = Path.Combine(root.Path, "source") });
        torrent.ForceRecheck();
        await Eventually.Until(() => torrent.GetStatus().IsSeeding, TimeSpan.FromSeconds(20), "the recheck to find every piece");

        var files = torrent.GetFiles();
        Assert.Equal(["pack/one.bin", "pack/sub/two.bin"], files.Select(file => file.Path.Replace('\\', '/')).Order());
        Assert.All(files, file => Assert.Equal(file.Size, file.Downloaded));
        Assert.All(files, file => Assert.Equal(4, file.Priority));

        var trackers = torrent.GetTrackers();
        Assert.Equal(tracker.AnnounceUrl, Assert.Single(trackers).Url);
        await Eventually.Until(() => tracker.Announces > 0, TimeSpan.FromSeconds(20), "the engine to announce");

        torrent.SetLimits(new TorrentLimits(UploadLimit: 100_000, DownloadLimit: 200_000, MaxConnections: 10, MaxUploads: 3));
        Assert.Equal(new TorrentLimits(100_000, 200_000, 10, 3), torrent.GetLimits());

        torrent.SetFilePriorities([0, 7]);
        await Eventually.Until(() => torrent.GetFiles().Select(file => file.Priority).SequenceEqual([0, 7]), TimeSpan.FromSeconds(5), "file priorities to apply");

        var target = Path.Combine(root.Path, "moved");
        torrent.MoveStorage(target);
        Assert.Equal(target, await moved.Task.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.True(File.Exists(Path.Combine(target, "pack", "sub", "two.bin")));
        await Eventually.Until(() => torrent.GetStatus().SavePath == target, TimeSpan.FromSeconds(5), "the save path to change");
        Assert.Equal(TorrentMetadata.Parse(torrentFile).InfoHashes, TorrentMetadata.Parse(torrent.GetTorrentFile()).InfoHashes);
    }

    [Fact]
    public void Settings_round_trip_by_their_libtorrent_names()
    {
        using var engine = LoopbackEngine.Create(FreePort.Next());
        engine.ApplySettings(new Dictionary<string, string> { ["connections_limit"] = "123", ["enable_dht"] = "false" });
        Assert.Equal("123", engine.GetSetting("connections_limit"));
        Assert.Equal("false", engine.GetSetting("enable_dht"));
        Assert.StartsWith("TorrentCluster/", engine.GetSetting("user_agent"), StringComparison.Ordinal);
        Assert.StartsWith("2.0", TorrentEngine.LibtorrentVersion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_statistics_count_a_transfer()
    {
        using var root = new TempDirectory();
        using var seeder = new LoopbackSeeder(uploadRateLimit: 0);
        var (torrentFile, _) = seeder.Seed("stats.bin", 8L * 1024 * 1024, seed: 33);
        using var engine = LoopbackEngine.Create(FreePort.Next());
        using var torrent = await engine.AddAsync(new AddTorrentRequest { TorrentFile = torrentFile, SavePath = root.Path });
        torrent.ConnectPeer(seeder.Endpoint);
        await Eventually.Until(() => engine.Stats.PayloadReceived >= 8L * 1024 * 1024, TimeSpan.FromSeconds(30), "the session counters to count the payload");
        Assert.True(engine.Stats.BytesReceived >= engine.Stats.PayloadReceived);
        await Eventually.Until(() => engine.Stats.SeedingTorrents == 1, TimeSpan.FromSeconds(10), "the torrent to count as seeding");
    }
}
