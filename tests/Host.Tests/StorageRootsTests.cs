using System.Text.Json;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Host.Tests;

/// <summary>
/// Every folder a caller names must resolve, links followed, inside the host's storage roots: otherwise the call
/// fails with -4 and nothing is written or added. Against a real embedded host with roots set in configuration.
/// </summary>
public sealed class StorageRootsTests(StorageRootsHostFixture fixture) : IClassFixture<StorageRootsHostFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public Task InitializeAsync()
    {
        // The host makes its roots when it first needs them; links are planted in them before that.
        Directory.CreateDirectory(fixture.First);
        Directory.CreateDirectory(fixture.Second);
        return Task.CompletedTask;
    }

    // After each test: nothing appeared outside the roots.
    public Task DisposeAsync()
    {
        Assert.Empty(Directory.EnumerateFileSystemEntries(fixture.Outside.Path));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_save_path_outside_the_roots_fails_with_minus_4_and_adds_nothing()
    {
        var (ti, v1, _) = fixture.NewTorrent("outside.bin", seed: 31);
        foreach (var savePath in new[] { Path.Combine(fixture.Outside.Path, "data"), fixture.HostData, "../host", "a/../../../escape", "/" })
        {
            var error = await fixture.ErrorAsync("torrents.add", new { ti, save_path = savePath });
            Assert.Equal(-4, error.GetProperty("code").GetInt32());
            Assert.Contains("outside the storage roots", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        Assert.Null(await ListedTorrents.FindAsync(fixture.Host, v1));
        Assert.False(Directory.Exists(Path.Combine(fixture.Outside.Path, "data")));
    }

    [Fact]
    public async Task A_save_path_through_a_link_pointing_outside_fails_and_writes_nothing()
    {
        var link = Path.Combine(fixture.First, "through-link");
        Directory.CreateSymbolicLink(link, fixture.Outside.Path);
        var (ti, v1, _) = fixture.NewTorrent("through-link.bin", seed: 32);

        foreach (var savePath in new[] { link, Path.Combine(link, "deeper"), "through-link", "through-link/deeper", "through-link/../../first" })
        {
            var error = await fixture.ErrorAsync("torrents.add", new { ti, save_path = savePath });
            Assert.Equal(-4, error.GetProperty("code").GetInt32());
        }

        // A link cycle ends in an error, not a hang.
        var cycle = Path.Combine(fixture.First, "cycle");
        File.CreateSymbolicLink(cycle, cycle);
        var looped = await fixture.ErrorAsync("torrents.add", new { ti, save_path = "cycle/deeper" });
        Assert.Equal(-4, looped.GetProperty("code").GetInt32());

        Assert.Null(await ListedTorrents.FindAsync(fixture.Host, v1));
    }

    [Fact]
    public async Task A_relative_save_path_lands_under_the_first_root()
    {
        var (ti, v1, source) = fixture.NewTorrent("relative.bin", seed: 33);
        await fixture.Host.Rpc.ResultAsync("torrents.add", new { ti, save_path = "shows/season-1" });
        await fixture.Host.Rpc.ResultAsync("torrents.peers.add", new { info_hash = v1, peers = new object[] { new object[] { "127.0.0.1", fixture.Seeder.Port } } });
        await ListedTorrents.WaitAsync(fixture.Host, v1, ListedTorrents.IsComplete, Patience, "the download to complete");

        var expected = Path.Combine(fixture.First, "shows", "season-1");
        Assert.Equal(expected, (await ListedTorrents.GetAsync(fixture.Host, v1)).GetProperty("save_path").GetString());
        Assert.Equal(TestFiles.Sha256(source), TestFiles.Sha256(Path.Combine(expected, "relative.bin")));
    }

    [Fact]
    public async Task Torrents_move_outside_the_roots_fails_and_the_torrent_stays_where_it_was()
    {
        var link = Path.Combine(fixture.Second, "move-link");
        Directory.CreateSymbolicLink(link, fixture.Outside.Path);
        var (ti, v1, _) = fixture.NewTorrent("move.bin", seed: 34);
        await fixture.Host.Rpc.ResultAsync("torrents.add", new { ti, save_path = fixture.Second, paused = true });

        foreach (var path in new[] { fixture.Outside.Path, link, "../second/move-link", "../../escape" })
        {
            var error = await fixture.ErrorAsync("torrents.move", new { info_hash = v1, path });
            Assert.Equal(-4, error.GetProperty("code").GetInt32());
        }

        Assert.Equal(fixture.Second, (await ListedTorrents.GetAsync(fixture.Host, v1)).GetProperty("save_path").GetString());

        // Inside the roots a move goes through, and a relative path means the first root.
        await fixture.Host.Rpc.ResultAsync("torrents.move", new { info_hash = v1, path = "moved" });
        var moved = Path.Combine(fixture.First, "moved");
        await ListedTorrents.WaitAsync(fixture.Host, v1, torrent => torrent.GetProperty("save_path").GetString() == moved, Patience, "the new save path");
    }

    [Fact]
    public async Task Presets_and_fs_space_take_only_folders_inside_the_roots()
    {
        var link = Path.Combine(fixture.First, "preset-link");
        Directory.CreateSymbolicLink(link, fixture.Outside.Path);
        foreach (var savePath in new[] { fixture.Outside.Path, link, "../../escape" })
        {
            var error = await fixture.ErrorAsync("presets.set", new { name = "outside", save_path = savePath });
            Assert.Equal(-4, error.GetProperty("code").GetInt32());
            error = await fixture.ErrorAsync("fs.space", new { path = savePath });
            Assert.Equal(-4, error.GetProperty("code").GetInt32());
        }

        Assert.False((await fixture.Host.Rpc.ResultAsync("presets.list", new { })).TryGetProperty("outside", out _));

        // Porla's clients send relative paths: a preset keeps one as given, each add resolves it.
        await fixture.Host.Rpc.ResultAsync("presets.set", new { name = "relative", save_path = "from-preset" });
        var (ti, v1, _) = fixture.NewTorrent("preset.bin", seed: 35);
        await fixture.Host.Rpc.ResultAsync("torrents.add", new { ti, preset = "relative", paused = true });
        Assert.Equal(Path.Combine(fixture.First, "from-preset"), (await ListedTorrents.GetAsync(fixture.Host, v1)).GetProperty("save_path").GetString());
        await fixture.Host.Rpc.ResultAsync("presets.remove", new { name = "relative" });

        var space = await fixture.Host.Rpc.ResultAsync("fs.space", new { path = fixture.Second });
        Assert.Equal(fixture.Second, space.GetProperty("sessions")[0].GetProperty("path").GetString());
        var byDefault = await fixture.Host.Rpc.ResultAsync("fs.space", new { });
        Assert.Equal(fixture.First, byDefault.GetProperty("sessions")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task A_root_at_the_top_of_the_file_system_stops_the_host_at_start()
    {
        using var data = new TempDirectory();
        var start = HostProcess.StartEmbeddedAsync(data.Path, new Dictionary<string, string> { ["TorrentCluster__Storage__AllowedRoots__0"] = "/" });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => start);
        Assert.Contains("TorrentCluster:Storage:AllowedRoots:0 '/' is the root of the file system", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_data_deletes_the_torrents_files_and_nothing_beside_them()
    {
        var folder = Path.Combine(fixture.First, "shared");
        Directory.CreateDirectory(folder);
        var mine = Path.Combine(folder, "mine.txt");
        await File.WriteAllTextAsync(mine, "not the torrent's");
        var (ti, v1, _) = fixture.NewTorrent("removed.bin", seed: 36);
        await fixture.Host.Rpc.ResultAsync("torrents.add", new { ti, save_path = "shared" });
        await fixture.Host.Rpc.ResultAsync("torrents.peers.add", new { info_hash = v1, peers = new object[] { new object[] { "127.0.0.1", fixture.Seeder.Port } } });
        await ListedTorrents.WaitAsync(fixture.Host, v1, ListedTorrents.IsComplete, Patience, "the download to complete");

        await fixture.Host.Rpc.ResultAsync("torrents.remove", new { info_hashes = new[] { v1 }, remove_data = true });
        await Eventually.Until(() => !File.Exists(Path.Combine(folder, "removed.bin")), Patience, "the torrent's file to be deleted");
        Assert.Equal("not the torrent's", await File.ReadAllTextAsync(mine));
    }
}
