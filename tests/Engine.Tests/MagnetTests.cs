using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Engine.Tests;

public sealed class MagnetTests
{
    [Fact]
    public async Task A_magnet_link_with_only_the_seeders_endpoint_fetches_metadata_from_it_and_completes()
    {
        using var root = new TempDirectory();
        using var seeder = new LoopbackSeeder(uploadRateLimit: 0);
        var (torrentFile, sourcePath) = seeder.Seed("magnet.bin", 8L * 1024 * 1024, seed: 2, TorrentVersion.V1);
        var v1 = TorrentMetadata.Parse(torrentFile).InfoHashes.V1!;
        using var downloader = LoopbackEngine.Create(FreePort.Next());
        var metadata = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        downloader.MetadataReceived += (_, _) => metadata.TrySetResult();
        downloader.TorrentFinished += (_, _) => finished.TrySetResult();

        using var torrent = await downloader.AddAsync(new AddTorrentRequest { MagnetUri = $"magnet:?xt=urn:btih:{v1}&dn=magnet.bin", SavePath = root.Path });
        Assert.False(torrent.GetStatus().HasMetadata);
        Assert.Empty(torrent.GetFiles());
        Assert.Throws<NoMetadataException>(() => torrent.GetTorrentFile());
        torrent.ConnectPeer(seeder.Endpoint);

        await metadata.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await finished.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(torrent.GetStatus().HasMetadata);
        Assert.Equal(TestFiles.Sha256(sourcePath), TestFiles.Sha256(Path.Combine(root.Path, "magnet.bin")));
        Assert.Equal(v1, TorrentMetadata.Parse(torrent.GetTorrentFile()).InfoHashes.V1);
    }
}
