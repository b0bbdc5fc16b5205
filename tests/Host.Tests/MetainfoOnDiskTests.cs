using System.Text.Json;
using TorrentCluster.Engine;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Host.Tests;

/// <summary>
/// A torrent's metainfo lives once on its silo's disk, beside its resume data, and the engine holds the one copy
/// in memory: the persisted record holds none, and a restart brings the torrent back from that file.
/// </summary>
public sealed class MetainfoOnDiskTests
{
    // libtorrent's torrent_status::downloading_metadata, as torrents.list reports a torrent's state.
    private const int DownloadingMetadata = 2;

    [Fact]
    public async Task The_record_holds_no_metainfo_and_a_restart_reads_the_silos_metainfo_file()
    {
        using var root = new TempDirectory();
        var dataPath = Path.Combine(root.Path, "host");
        var torrentFile = RealisticTorrent.Create(Path.Combine(root.Path, "content"), "realistic", seed: 900);
        Assert.Equal(RealisticTorrent.Pieces, TorrentMetadata.Parse(torrentFile).NumPieces);
        Assert.True(torrentFile.Length > 40_000, $"the .torrent is {torrentFile.Length} bytes");

        string v1;
        await using (var first = await HostProcess.StartEmbeddedAsync(dataPath))
        {
            v1 = (await first.Rpc.ResultAsync("torrents.add", new { ti = Convert.ToBase64String(torrentFile), paused = true }))
                .GetProperty("info_hash")[0].GetString()!;

            // On disk before the add answered, byte for byte.
            Assert.Equal(torrentFile, File.ReadAllBytes(MetainfoPath(dataPath, v1)));
            await first.StopAsync();
        }

        // The torrent's persisted state (its record, under the state folder) is a few hundred bytes, not 40 KB.
        var stateFiles = Directory.GetFiles(Path.Combine(dataPath, "state"), "*", SearchOption.AllDirectories)
            .Where(path => path.Contains(v1, StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(stateFiles);
        Assert.All(stateFiles, path => Assert.True(new FileInfo(path).Length < 2048, $"{path} is {new FileInfo(path).Length} bytes"));

        // Resume data carries the info dictionary too: without it, only the metainfo file can give the restarted
        // host the torrent's files.
        File.Delete(ResumePath(dataPath, v1));
        await using (var second = await HostProcess.StartEmbeddedAsync(dataPath))
        {
            await ListedTorrents.WaitAsync(second, v1, torrent => torrent.GetProperty("size").GetInt64() > 0, TimeSpan.FromSeconds(30), "the torrent to come back with its metadata");
            Assert.Equal(RealisticTorrent.Files, (await FilesAsync(second, v1)).Count);
            await second.StopAsync();
        }

        // Neither file left: the torrent is not lost but listed, paused as it was, as a magnet waiting for metadata.
        File.Delete(MetainfoPath(dataPath, v1));
        File.Delete(ResumePath(dataPath, v1));
        await using var third = await HostProcess.StartEmbeddedAsync(dataPath);
        await ListedTorrents.WaitAsync(third, v1, _ => true, TimeSpan.FromSeconds(30), "the torrent to be listed without its metainfo");
        var listed = await ListedTorrents.GetAsync(third, v1);
        Assert.True(listed.GetProperty("state").GetInt32() == DownloadingMetadata && listed.GetProperty("size").GetInt64() <= 0, $"listed as {listed}");
        Assert.Contains(listed.GetProperty("flags").EnumerateArray(), flag => flag.GetString() == "paused");
        Assert.Empty(await FilesAsync(third, v1));
    }

    private static string MetainfoPath(string dataPath, string key) => Path.Combine(dataPath, "resume", key + ".torrent");

    private static string ResumePath(string dataPath, string key) => Path.Combine(dataPath, "resume", key + ".resume");

    private static async Task<List<JsonElement>> FilesAsync(HostProcess host, string v1)
    {
        var result = await host.Rpc.ResultAsync("torrents.files.list", new { info_hash = v1 });
        return [.. result.GetProperty("files").EnumerateArray().Select(file => file.Clone())];
    }
}
