using System.Diagnostics;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Engine.Tests;

public sealed class HandleLifetimeTests
{
    [Fact]
    public async Task Adding_and_removing_a_thousand_torrents_leaks_neither_file_descriptors_nor_memory()
    {
        using var root = new TempDirectory();
        var data = Path.Combine(root.Path, "data");
        TestFiles.CreateRandom(Path.Combine(data, "base.bin"), 16 * 1024, seed: 10);
        using var engine = LoopbackEngine.Create(FreePort.Next());

        // Warm up once so lazily created libtorrent and runtime structures do not count as growth.
        await AddAndRemoveAsync(engine, root.Path, data, 0, 50);
        var (fdsBefore, rssBefore) = Measure();
        await AddAndRemoveAsync(engine, root.Path, data, 50, 1000);
        await Eventually.Until(() => engine.GetAllStatus().Count == 0, TimeSpan.FromSeconds(30), "every torrent to leave the session");
        var (fdsAfter, rssAfter) = Measure();

        Assert.True(fdsAfter - fdsBefore < 50, $"file descriptors grew from {fdsBefore} to {fdsAfter}");
        Assert.True(rssAfter - rssBefore < 100L * 1024 * 1024, $"resident memory grew from {rssBefore >> 20} MiB to {rssAfter >> 20} MiB");
        Assert.Empty(engine.StatusSnapshot);
    }

    [Fact]
    public async Task Disposing_the_engine_while_many_threads_call_it_is_safe()
    {
        using var root = new TempDirectory();
        using var seeder = new LoopbackSeeder(uploadRateLimit: 0);
        var (torrentFile, _) = seeder.Seed("concurrent.bin", 1024 * 1024, seed: 12);
        var engine = LoopbackEngine.Create(FreePort.Next());
        var torrent = await engine.AddAsync(new AddTorrentRequest { TorrentFile = torrentFile, SavePath = root.Path });
        using var stop = new CancellationTokenSource();

        // Dedicated threads: eight busy loops would starve a two-core thread pool before all of them start.
        var callers = Enumerable.Range(0, 8).Select(i => Task.Factory.StartNew(() =>
        {
            var calls = 0;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    _ = torrent.GetStatus();
                    _ = torrent.GetPeers();
                    _ = engine.GetAllStatus();
                    if (i % 2 == 0)
                    {
                        torrent.Pause();
                        torrent.Resume();
                    }

                    calls++;
                }
                catch (ObjectDisposedException)
                {
                    break;
                }
            }

            return calls;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();

        await Task.Delay(500);
        engine.Dispose();
        await stop.CancelAsync();
        var counts = await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.All(counts, count => Assert.True(count > 0, $"calls per thread: {string.Join(", ", counts)}"));
        Assert.Throws<ObjectDisposedException>(() => torrent.GetStatus());
        torrent.Dispose();
    }

    private static async Task AddAndRemoveAsync(TorrentEngine engine, string root, string data, int first, int count)
    {
        for (var i = first; i < first + count; i++)
        {
            // A distinct torrent each time: the file name is part of the info dictionary, so of the info-hash.
            var path = Path.Combine(data, $"t{i}.bin");
            File.Copy(Path.Combine(data, "base.bin"), path, overwrite: true);
            var torrentFile = TorrentCreator.Create(new CreateTorrentOptions { Path = path, Version = TorrentVersion.V1 });
            File.Delete(path);
            using var torrent = await engine.AddAsync(new AddTorrentRequest { TorrentFile = torrentFile, SavePath = root, Paused = true });
            engine.Remove(torrent, deleteFiles: false);
        }

        await Task.Yield();
    }

    private static (int FileDescriptors, long ResidentBytes) Measure()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return (Directory.GetFiles("/proc/self/fd").Length, process.WorkingSet64);
    }

    [Fact]
    public async Task A_call_on_a_torrent_whose_handle_its_remover_let_go_of_says_the_torrent_is_gone()
    {
        // The race the hostile-input suite found: a batch removed a torrent while another call held the same object.
        using var root = new TempDirectory();
        using var seeder = new LoopbackSeeder(uploadRateLimit: 0);
        var (torrentFile, _) = seeder.Seed("removed.bin", 64 * 1024, seed: 14);
        using var engine = LoopbackEngine.Create(FreePort.Next());
        var torrent = await engine.AddAsync(new AddTorrentRequest { TorrentFile = torrentFile, SavePath = root.Path });
        engine.Remove(torrent, deleteFiles: false);
        torrent.Dispose();

        Assert.Throws<TorrentNotFoundException>(torrent.GetStatus);
        Assert.Throws<TorrentNotFoundException>(torrent.Pause);
        Assert.Throws<TorrentNotFoundException>(() => torrent.GetPeers());
    }
}
