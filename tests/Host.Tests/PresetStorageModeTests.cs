using System.Globalization;
using System.Text.Json;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Host.Tests;

/// <summary>
/// A preset's <c>storage_mode</c>, as Porla's presets have it: "allocate" gives a torrent's file its full size on disk
/// with the first piece written, "sparse" (libtorrent's default) only what has arrived.
/// </summary>
public sealed class PresetStorageModeTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    private const long FileSize = 32L * 1024 * 1024;

    [Fact]
    public async Task An_allocating_preset_gives_a_download_its_whole_size_on_disk_at_once_and_a_sparse_one_does_not()
    {
        var rpc = fixture.Host.Rpc;
        await rpc.ResultAsync("presets.set", new { name = "whole-files", storage_mode = "allocate" });
        await rpc.ResultAsync("presets.set", new { name = "sparse-files", storage_mode = "sparse" });
        var presets = await rpc.ResultAsync("presets.list", new { });
        Assert.Equal("allocate", presets.GetProperty("whole-files").GetProperty("storage_mode").GetString());
        Assert.Equal("sparse", presets.GetProperty("sparse-files").GetProperty("storage_mode").GetString());

        // 1 MiB/s per torrent: a 32 MiB download is still running when its files are looked at.
        using var seeder = new LoopbackSeeder(uploadRateLimit: 2 * 1024 * 1024);
        var allocated = await StartDownloadAsync(seeder, "whole-files", "allocated.bin", seed: 31);
        var sparse = await StartDownloadAsync(seeder, "sparse-files", "sparse.bin", seed: 32);
        try
        {
            var allocatedFile = await FileOnceWritingAsync(allocated);
            var sparseFile = await FileOnceWritingAsync(sparse);

            var allocatedBytes = await BytesOnDiskAsync(allocatedFile);
            Assert.True(allocatedBytes >= FileSize, $"an allocating preset left {allocatedFile} with {allocatedBytes} bytes on disk of {FileSize}");
            var sparseBytes = await BytesOnDiskAsync(sparseFile);
            Assert.True(sparseBytes < FileSize, $"a sparse preset gave {sparseFile} {sparseBytes} bytes on disk of {FileSize} while downloading");
        }
        finally
        {
            await rpc.ResultAsync("torrents.remove", new { info_hashes = new[] { allocated, sparse }, remove_data = true });
            await rpc.ResultAsync("presets.remove", new { name = "whole-files" });
            await rpc.ResultAsync("presets.remove", new { name = "sparse-files" });
        }
    }

    [Fact]
    public async Task A_storage_mode_libtorrent_does_not_have_is_refused_and_stores_nothing()
    {
        var error = await fixture.Host.Rpc.CallAsync("presets.set", new { name = "odd", storage_mode = "compact" });
        Assert.Equal(-32602, error.GetProperty("error").GetProperty("code").GetInt32());
        Assert.False((await fixture.Host.Rpc.ResultAsync("presets.list", new { })).TryGetProperty("odd", out _));
    }

    private async Task<string> StartDownloadAsync(LoopbackSeeder seeder, string preset, string name, int seed)
    {
        var (torrentFile, _) = seeder.Seed(name, FileSize, seed);
        var added = await fixture.Host.Rpc.ResultAsync("torrents.add", new { ti = Convert.ToBase64String(torrentFile), preset });
        var v1 = added.GetProperty("info_hash")[0].GetString()!;
        await fixture.Host.Rpc.ResultAsync("torrents.peers.add", new { info_hash = v1, peers = new object[] { new object[] { "127.0.0.1", seeder.Port } } });
        return v1;
    }

    // The torrent's one file, once some of it has arrived and the rest has not.
    private async Task<string> FileOnceWritingAsync(string v1)
    {
        JsonElement listed = default;
        await ListedTorrents.WaitAsync(
            fixture.Host, v1, torrent => (listed = torrent).GetProperty("progress").GetDouble() > 0, TimeSpan.FromSeconds(30), $"{v1} to start writing");
        Assert.True(listed.GetProperty("progress").GetDouble() < 1, $"{v1} completed before its file was looked at");
        return Path.Combine(listed.GetProperty("save_path").GetString()!, listed.GetProperty("name").GetString()!);
    }

    // What the file system has given the file (st_blocks), not its length: a sparse file is as long as an allocated one.
    private static async Task<long> BytesOnDiskAsync(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        await using var du = ExternalProcess.Start("du", ["--block-size=1", path], package: "coreutils");
        Assert.Equal(0, await du.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        return long.Parse(du.Output.Split('\t', 2)[0], CultureInfo.InvariantCulture);
    }
}
