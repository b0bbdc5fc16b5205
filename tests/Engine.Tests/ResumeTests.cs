using System.Collections.Concurrent;
using System.Diagnostics;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Engine.Tests;

public sealed class ResumeTests
{
    private const long FileSize = 64L * 1024 * 1024;

    [Fact]
    public async Task A_completed_torrent_comes_back_seeding_from_its_resume_data_without_checking_its_files()
    {
        using var root = new TempDirectory();
        using var seeder = new LoopbackSeeder(uploadRateLimit: 0);
        var (torrentFile, _) = seeder.Seed("resume.bin", FileSize, seed: 3);
        byte[] resumeData;
        using (var first = LoopbackEngine.Create(FreePort.Next()))
        {
            var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            first.TorrentFinished += (_, _) => finished.TrySetResult();
            using var torrent = await first.AddAsync(new AddTorrentRequest { TorrentFile = torrentFile, SavePath = root.Path });
            torrent.ConnectPeer(seeder.Endpoint);
            await finished.Task.WaitAsync(TimeSpan.FromSeconds(60));
            resumeData = await first.SaveResumeDataAsync(torrent).WaitAsync(TimeSpan.FromSeconds(10));
        }

        using var second = LoopbackEngine.Create(FreePort.Next());
        var states = new ConcurrentQueue<TorrentState>();
        second.StateChanged += (_, e) => states.Enqueue(e.State);
        var clock = Stopwatch.StartNew();
        using var resumed = await second.AddAsync(new AddTorrentRequest { TorrentFile = torrentFile, ResumeData = resumeData, SavePath = root.Path });
        await Eventually.Until(() => resumed.GetStatus().IsSeeding, TimeSpan.FromSeconds(10), "the resumed torrent to seed");

        var status = resumed.GetStatus();
        Assert.Equal(1.0f, status.Progress);
        Assert.Equal(FileSize, status.TotalDone);
        // Checking 64 MiB means reading and hashing all of it; resume data needs only the files' sizes and times.
        Assert.DoesNotContain(TorrentState.CheckingFiles, states);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed} to seed");
    }

    [Fact]
    public async Task Resume_data_alone_brings_a_torrent_back()
    {
        using var root = new TempDirectory();
        using var seeder = new LoopbackSeeder(uploadRateLimit: 0);
        var (torrentFile, _) = seeder.Seed("alone.bin", 1024 * 1024, seed: 4);
        byte[] resumeData;
        using (var first = LoopbackEngine.Create(FreePort.Next()))
        {
            using var torrent = await first.AddAsync(new AddTorrentRequest { TorrentFile = torrentFile, SavePath = root.Path, Paused = true });
            resumeData = await first.SaveResumeDataAsync(torrent).WaitAsync(TimeSpan.FromSeconds(10));
        }

        using var second = LoopbackEngine.Create(FreePort.Next());
        using var resumed = await second.AddAsync(new AddTorrentRequest { ResumeData = resumeData, SavePath = root.Path, Paused = true });
        Assert.Equal(TorrentMetadata.Parse(torrentFile).InfoHashes, resumed.InfoHashes);
        Assert.True(resumed.GetStatus().HasMetadata);
    }

    [Fact]
    public async Task Damaged_resume_data_is_an_invalid_resume_data_error()
    {
        using var root = new TempDirectory();
        using var engine = LoopbackEngine.Create(FreePort.Next());
        await Assert.ThrowsAsync<InvalidResumeDataException>(() => engine.AddAsync(new AddTorrentRequest { ResumeData = [1, 2, 3], SavePath = root.Path }));
    }
}
