using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Engine.Tests;

/// <summary>
/// Our engine against real third-party clients from Debian: aria2 1.36 in both directions and Transmission 3.00
/// downloading from us (both clients are v1-only, so the torrents are v1). aria2 finds us through a tracker on
/// loopback, as it cannot be told a peer directly.
/// </summary>
public sealed class InteropTests
{
    private const long FileSize = 24L * 1024 * 1024;

    [Fact]
    public async Task Our_engine_downloads_from_an_aria2_seeder()
    {
        using var root = new TempDirectory();
        using var tracker = new HttpTracker();
        var (torrentPath, torrentFile, sourcePath) = MakeTorrent(root, "from-aria2.bin", tracker, seed: 21);
        var ariaPort = FreePort.Next();
        await using var aria = ExternalProcess.Start(
            "aria2c",
            ["-V", "-d", Path.GetDirectoryName(sourcePath)!, "--seed-ratio=0.0", "--max-overall-upload-limit=8M", "--enable-dht=false", "--enable-dht6=false",
             "--bt-enable-lpd=false", "--enable-peer-exchange=false", $"--listen-port={ariaPort}", "--console-log-level=warn",
             "--summary-interval=0", torrentPath],
            package: "aria2");
        using var engine = LoopbackEngine.Create(FreePort.Next());
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        engine.TorrentFinished += (_, _) => finished.TrySetResult();
        var downloads = Path.Combine(root.Path, "downloads");

        using var torrent = await engine.AddAsync(new AddTorrentRequest { TorrentFile = torrentFile, SavePath = downloads });
        await Eventually.Until(() => tracker.Announces >= 2, TimeSpan.FromSeconds(20), $"aria2 and our engine to announce; aria2 says:\n{aria.Output}");
        torrent.ConnectPeer(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, ariaPort));

        // Two seeds drop each other: look at the peers while the transfer runs.
        var clients = new HashSet<string>(StringComparer.Ordinal);
        while (!finished.Task.IsCompleted)
        {
            clients.UnionWith(torrent.GetPeers().Where(peer => peer.Endpoint.Port == ariaPort).Select(peer => peer.Client));
            await Task.WhenAny(finished.Task, Task.Delay(100)).WaitAsync(TimeSpan.FromSeconds(90));
        }

        Assert.Contains(clients, client => client.Contains("aria2", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(TestFiles.Sha256(sourcePath), TestFiles.Sha256(Path.Combine(downloads, "from-aria2.bin")));
    }

    [Fact]
    public async Task An_aria2_downloader_downloads_from_our_engine()
    {
        using var root = new TempDirectory();
        using var tracker = new HttpTracker();
        var (torrentPath, torrentFile, sourcePath) = MakeTorrent(root, "to-aria2.bin", tracker, seed: 22);
        using var engine = LoopbackEngine.Create(FreePort.Next());
        using var torrent = await engine.AddAsync(new AddTorrentRequest { TorrentFile = torrentFile, SavePath = Path.GetDirectoryName(sourcePath)!, SeedMode = true });
        var downloads = Path.Combine(root.Path, "aria2");

        // --seed-time=0: aria2 exits as soon as it has the whole file.
        await using var aria = ExternalProcess.Start(
            "aria2c",
            ["-d", downloads, "--seed-time=0", "--enable-dht=false", "--enable-dht6=false", "--bt-enable-lpd=false",
             "--enable-peer-exchange=false", $"--listen-port={FreePort.Next()}", "--console-log-level=warn",
             "--summary-interval=0", "--bt-tracker-interval=1", torrentPath],
            package: "aria2");
        var exitCode = await aria.WaitForExitAsync(TimeSpan.FromSeconds(120));

        Assert.True(exitCode == 0, $"aria2c exited with {exitCode}:\n{aria.Output}");
        Assert.Equal(TestFiles.Sha256(sourcePath), TestFiles.Sha256(Path.Combine(downloads, "to-aria2.bin")));
        Assert.True(torrent.GetStatus().AllTimeUpload >= FileSize);
    }

    [Fact]
    public async Task Transmission_downloads_from_our_engine()
    {
        using var root = new TempDirectory();
        using var tracker = new HttpTracker();
        var (torrentPath, torrentFile, sourcePath) = MakeTorrent(root, "transmission.bin", tracker, seed: 23);
        using var seedingEngine = LoopbackEngine.Create(FreePort.Next());
        using var seeding = await seedingEngine.AddAsync(new AddTorrentRequest { TorrentFile = torrentFile, SavePath = Path.GetDirectoryName(sourcePath)!, SeedMode = true });

        await using var transmission = await TransmissionPeer.StartAsync(root.Path);
        await transmission.AddAsync(torrentPath);
        // Transmission takes tracker peers on 127.0.0.0/8 for martians and never dials them; it does accept
        // a connection from one. So our engine dials Transmission.
        seeding.ConnectPeer(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, transmission.PeerPort));
        var received = Path.Combine(transmission.DownloadDirectory, "transmission.bin");
        await Eventually.Until(
            () => File.Exists(received) && new FileInfo(received).Length == FileSize && TestFiles.Sha256(received) == TestFiles.Sha256(sourcePath),
            TimeSpan.FromSeconds(120),
            $"Transmission to download the file from our engine; Transmission says:\n{transmission.Output}");

    }

    private static (string TorrentPath, byte[] TorrentFile, string SourcePath) MakeTorrent(TempDirectory root, string name, HttpTracker tracker, int seed)
    {
        var sourcePath = Path.Combine(root.Path, "source", name);
        TestFiles.CreateRandom(sourcePath, FileSize, seed);
        var torrentFile = TorrentCreator.Create(new CreateTorrentOptions { Path = sourcePath, Version = TorrentVersion.V1, Trackers = [tracker.AnnounceUrl] });
        var torrentPath = Path.Combine(root.Path, name + ".torrent");
        File.WriteAllBytes(torrentPath, torrentFile);
        return (torrentPath, torrentFile, sourcePath);
    }
}
