using System.Net;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Engine.Tests;

public sealed class TransferTests
{
    private const long FileSize = 64L * 1024 * 1024;

    // libtorrent 2.0's peer_info flags (peer_info.hpp).
    private const uint Interesting = 0x1;
    private const uint Seed = 0x400;
    private const uint OutgoingConnection = 0x20;
    private const uint Connecting = 0x80;

    [Fact]
    public async Task Two_sessions_on_loopback_transfer_64_MiB_and_the_downloader_sees_the_seeder_with_every_field_set()
    {
        using var root = new TempDirectory();
        // 16 MB/s: the transfer lasts about four seconds, long enough to look at the seeder while it runs.
        using var seeder = new LoopbackSeeder(uploadRateLimit: 16 * 1024 * 1024);
        var (torrentFile, sourcePath) = seeder.Seed("transfer.bin", FileSize, seed: 1);
        using var downloader = LoopbackEngine.Create(FreePort.Next());
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        downloader.TorrentFinished += (_, _) => finished.TrySetResult();

        using var torrent = await downloader.AddAsync(new AddTorrentRequest { TorrentFile = torrentFile, SavePath = root.Path });
        torrent.ConnectPeer(seeder.Endpoint);

        PeerInfo? first = null;
        await Eventually.Until(
            () => (first = torrent.GetPeers().FirstOrDefault(peer => peer.TotalDownload > 0)) is not null,
            TimeSpan.FromSeconds(20),
            "the seeder to send data");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var second = torrent.GetPeers().Single(peer => peer.Endpoint.Port == seeder.Port);

        Assert.Equal(IPAddress.Loopback, first!.Endpoint.Address);
        Assert.Equal(seeder.Port, first.Endpoint.Port);
        Assert.Equal(IPAddress.Loopback, first.LocalEndpoint.Address);
        Assert.InRange(first.LocalEndpoint.Port, 1, 65535);
        Assert.Equal(1.0f, first.Progress);
        Assert.True(second.TotalDownload > first.TotalDownload, $"total_download should grow: {first.TotalDownload} then {second.TotalDownload}");
        Assert.False(string.IsNullOrWhiteSpace(first.Client));
        Assert.Equal(1, first.ConnectionType);
        Assert.Equal(Interesting, first.Flags & Interesting);
        Assert.Equal(Seed, first.Flags & Seed);
        Assert.Equal(OutgoingConnection, first.Flags & OutgoingConnection);
        Assert.Equal(0u, first.Flags & Connecting);
        // A peer given by connect_peer carries no discovery source: libtorrent sets none of tracker, DHT, PEX, LSD.
        Assert.Equal(0, first.Source);
        Assert.True(second.DownSpeed > 0);
        Assert.True(second.DownloadQueueLength >= 0 && second.BusyRequests >= 0 && second.Rtt >= 0);
        Assert.True(second.LastActiveSeconds >= 0 && second.LastRequestSeconds >= 0 && second.DownloadQueueTimeSeconds >= 0);
        Assert.Equal(0, second.TotalUpload);

        await finished.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(TestFiles.Sha256(sourcePath), TestFiles.Sha256(Path.Combine(root.Path, "transfer.bin")));
        var status = torrent.GetStatus();
        Assert.Equal(1.0f, status.Progress);
        Assert.True(status.IsSeeding);
        Assert.Equal(FileSize, status.TotalSize);

        // Two seeds part: once the seeder is gone the torrent shows no rates, where libtorrent's averages would take
        // a minute to decay (2.5 MB/s two seconds after the end).
        await Eventually.Until(() => torrent.GetStatus().NumPeers == 0, TimeSpan.FromSeconds(30), "the seeder to disconnect");
        var alone = torrent.GetStatus();
        Assert.Equal((0, 0, 0, 0), (alone.DownloadRate, alone.UploadRate, alone.DownloadPayloadRate, alone.UploadPayloadRate));
    }
}
