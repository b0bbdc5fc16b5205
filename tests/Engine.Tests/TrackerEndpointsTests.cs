using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Engine.Tests;

/// <summary>A tracker's announces as libtorrent keeps them: per local endpoint, each with a v1 and a v2 announce.</summary>
public sealed class TrackerEndpointsTests
{
    [Fact]
    public async Task A_tracker_lists_each_listen_socket_with_its_v1_and_v2_announce_and_the_one_that_went_out()
    {
        using var root = new TempDirectory();
        using var tracker = new HttpTracker();
        var path = Path.Combine(root.Path, "announced.bin");
        TestFiles.CreateRandom(path, 100_000, seed: 41);
        var torrentFile = TorrentCreator.Create(new CreateTorrentOptions { Path = path, Version = TorrentVersion.V1, Trackers = [tracker.AnnounceUrl] });
        var port = FreePort.Next();
        using var engine = LoopbackEngine.Create(port);
        using var torrent = await engine.AddAsync(new AddTorrentRequest { TorrentFile = torrentFile, SavePath = root.Path });

        await Eventually.Until(
            () => torrent.GetTrackers().Single().Endpoints.Any(endpoint => endpoint.InfoHashes[0].StartSent && !endpoint.InfoHashes[0].Updating),
            TimeSpan.FromSeconds(20),
            "the v1 announce to go out and be answered");

        var info = Assert.Single(torrent.GetTrackers());
        Assert.Equal(tracker.AnnounceUrl, info.Url);
        Assert.Equal("", info.TrackerId);
        var endpoint = Assert.Single(info.Endpoints);
        Assert.Equal("127.0.0.1", endpoint.LocalAddress);
        Assert.Equal(port, endpoint.LocalPort);
        Assert.True(endpoint.Enabled);
        Assert.Equal([1, 2], endpoint.InfoHashes.Select(announce => announce.Version));
        var v1 = endpoint.InfoHashes[0];
        Assert.Equal(0, v1.Fails);
        Assert.Null(v1.LastError);
        Assert.NotNull(v1.NextAnnounce);
        // A v1-only torrent never announces a v2 hash.
        Assert.False(endpoint.InfoHashes[1].StartSent);
    }
}
