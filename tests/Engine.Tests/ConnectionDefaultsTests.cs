using System.Net;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Engine.Tests;

/// <summary>
/// The engine's default transports against a peer that speaks TCP only: it must be dialled over TCP at once,
/// not after a uTP handshake times out.
/// </summary>
public sealed class ConnectionDefaultsTests
{
    // libtorrent 2.0's peer_info flags (peer_info.hpp).
    private const uint Connecting = 0x80;
    private const uint UtpSocket = 1u << 17;

    // Long enough that a dial tried over uTP first could not reach the seeder before the bound below: finding the
    // peer connected well inside it means the engine went to TCP without trying uTP. The bound is a correctness
    // bound with room for a loaded machine, not a speed target.
    private static readonly TimeSpan UtpTimeout = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan ConnectBound = TimeSpan.FromSeconds(20);

    [Fact]
    public void The_defaults_accept_utp_but_dial_over_tcp()
    {
        using var engine = new TorrentEngine(new EngineOptions
        {
            ListenInterfaces = $"127.0.0.1:{FreePort.Next()}",
            EnableDht = false,
            EnableLsd = false,
            EnableUpnp = false,
            EnableNatPmp = false,
        });

        Assert.Equal("true", engine.GetSetting("enable_incoming_utp"));
        Assert.Equal("false", engine.GetSetting("enable_outgoing_utp"));
        Assert.Equal("true", engine.GetSetting("enable_outgoing_tcp"));
    }

    [Fact]
    public void Connecting_over_utp_is_an_option_with_its_timeout()
    {
        var options = LoopbackEngine.Options(FreePort.Next());
        options.EnableUtp = true;
        options.ConnectOverUtp = true;
        options.UtpConnectTimeout = TimeSpan.FromMilliseconds(1500);
        using var engine = new TorrentEngine(options);

        Assert.Equal("true", engine.GetSetting("enable_outgoing_utp"));
        Assert.Equal("1500", engine.GetSetting("utp_connect_timeout"));
    }

    [Fact]
    public async Task A_downloader_with_default_transports_reaches_a_tcp_only_seeder_over_tcp_and_completes()
    {
        using var root = new TempDirectory();
        // LoopbackSeeder runs without uTP: it drops uTP handshakes, as a TCP-only client does. Its upload is limited
        // so the transfer lasts seconds: once both are complete the two seeds drop each other, and over loopback an
        // unlimited 8 MiB is done before the first look at the peer list (CI saw no peer for 20 s that way).
        using var seeder = new LoopbackSeeder(uploadRateLimit: 2 * 1024 * 1024);
        var (torrentFile, sourcePath) = seeder.Seed("tcp-only.bin", 8L * 1024 * 1024, seed: 7);

        // Every transport setting left at the engine's default, uTP on; only what keeps the test on loopback set.
        var options = new EngineOptions
        {
            ListenInterfaces = $"127.0.0.1:{FreePort.Next()}",
            EnableDht = false,
            EnableLsd = false,
            EnableUpnp = false,
            EnableNatPmp = false,
            AllowMultipleConnectionsPerIp = true,
            UtpConnectTimeout = UtpTimeout,
        };
        using var downloader = new TorrentEngine(options);
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        downloader.TorrentFinished += (_, _) => finished.TrySetResult();

        using var torrent = await downloader.AddAsync(new AddTorrentRequest { TorrentFile = torrentFile, SavePath = root.Path });
        torrent.ConnectPeer(seeder.Endpoint);

        PeerInfo? connected = null;
        await Eventually.Until(
            () => (connected = torrent.GetPeers().FirstOrDefault(peer => peer.Endpoint.Port == seeder.Port && (peer.Flags & Connecting) == 0)) is not null,
            ConnectBound,
            "the downloader to connect to the TCP-only seeder");

        Assert.Equal(IPAddress.Loopback, connected!.Endpoint.Address);
        Assert.Equal(0u, connected.Flags & UtpSocket);
        await finished.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(TestFiles.Sha256(sourcePath), TestFiles.Sha256(Path.Combine(root.Path, "tcp-only.bin")));
    }
}
