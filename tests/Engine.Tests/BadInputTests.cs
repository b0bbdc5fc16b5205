using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Engine.Tests;

/// <summary>Each bad input is a clear exception of ours, and the engine goes on working after it.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly LoopbackSeeder _files = new(uploadRateLimit: 0);
    private readonly TorrentEngine _engine = LoopbackEngine.Create(FreePort.Next());
    private readonly byte[] _torrentFile;

    public BadInputTests()
    {
        (_torrentFile, _) = _files.Seed("bad-input.bin", 256 * 1024, seed: 5);
    }

    public void Dispose()
    {
        // The engine still works after whatever the test threw at it.
        var (other, _) = _files.Seed("still-works.bin", 64 * 1024, seed: 6);
        using (var torrent = _engine.AddAsync(new AddTorrentRequest { TorrentFile = other, SavePath = _root.Path, Paused = true }).GetAwaiter().GetResult())
        {
            Assert.True(torrent.GetStatus().IsPaused);
        }

        _engine.Dispose();
        _files.Dispose();
        _root.Dispose();
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { (byte)'d', (byte)'e' })]
    [InlineData(new byte[] { (byte)'x', 1, 2, 3 })]
    public async Task Corrupt_torrent_bytes_are_an_invalid_torrent(byte[] bytes)
    {
        await Assert.ThrowsAnyAsync<Exception>(() => _engine.AddAsync(new AddTorrentRequest { TorrentFile = bytes, SavePath = _root.Path }));
        Assert.Throws<InvalidTorrentException>(() => TorrentMetadata.Parse(bytes));
    }

    [Fact]
    public async Task A_truncated_torrent_file_is_an_invalid_torrent()
    {
        var truncated = _torrentFile[..(_torrentFile.Length / 2)];
        var error = await Assert.ThrowsAsync<InvalidTorrentException>(() => _engine.AddAsync(new AddTorrentRequest { TorrentFile = truncated, SavePath = _root.Path }));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Theory]
    [InlineData("magnet:?xt=urn:btih:nothex")]
    [InlineData("magnet:?dn=no-hash")]
    [InlineData("http://example.invalid/not-a-magnet")]
    public async Task A_bad_magnet_link_is_an_invalid_magnet(string uri)
    {
        await Assert.ThrowsAsync<InvalidMagnetException>(() => _engine.AddAsync(new AddTorrentRequest { MagnetUri = uri, SavePath = _root.Path }));
        Assert.Throws<InvalidMagnetException>(() => TorrentMetadata.ParseMagnet(uri));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_missing_save_path_is_an_argument_error(string savePath)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _engine.AddAsync(new AddTorrentRequest { TorrentFile = _torrentFile, SavePath = savePath }));
    }

    [Fact]
    public async Task Adding_a_torrent_twice_is_a_duplicate()
    {
        using var torrent = await _engine.AddAsync(new AddTorrentRequest { TorrentFile = _torrentFile, SavePath = _root.Path, Paused = true });
        await Assert.ThrowsAsync<DuplicateTorrentException>(() => _engine.AddAsync(new AddTorrentRequest { TorrentFile = _torrentFile, SavePath = _root.Path }));
        Assert.Single(_engine.GetAllStatus(), status => status.InfoHashes == torrent.InfoHashes);
    }

    [Fact]
    public async Task Calls_on_a_removed_torrent_are_torrent_not_found()
    {
        var removed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _engine.TorrentRemoved += (_, _) => removed.TrySetResult();
        using var torrent = await _engine.AddAsync(new AddTorrentRequest { TorrentFile = _torrentFile, SavePath = _root.Path, Paused = true });
        _engine.Remove(torrent, deleteFiles: false);
        await removed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Throws<TorrentNotFoundException>(torrent.Pause);
        Assert.Throws<TorrentNotFoundException>(() => torrent.GetPeers());
        Assert.Throws<TorrentNotFoundException>(() => torrent.GetStatus());
        Assert.Throws<TorrentNotFoundException>(() => _engine.Remove(torrent, deleteFiles: false));
        Assert.Null(_engine.Find(torrent.InfoHashes.Canonical));
    }

    [Theory]
    [InlineData("xyz")]
    [InlineData("gggggggggggggggggggggggggggggggggggggggg")]
    public void An_info_hash_libtorrent_cannot_read_is_an_engine_argument_error(string infoHash)
    {
        // Refused by the shim, not by a check in C#: its status must arrive as an engine type, not ArgumentException.
        var error = Assert.Throws<EngineArgumentException>(() => _engine.Find(infoHash));
        Assert.Contains("hex", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_setting_is_refused_by_name()
    {
        var error = Assert.Throws<UnknownSettingException>(() => _engine.ApplySettings(new Dictionary<string, string> { ["no_such_setting"] = "1" }));
        Assert.Contains("no_such_setting", error.Message, StringComparison.Ordinal);
        Assert.Throws<UnknownSettingException>(() => _engine.ApplySettings(new Dictionary<string, string> { ["connections_limit"] = "many" }));
    }

    [Theory]
    [InlineData("url_seeds", "")]
    [InlineData("url_seeds", "not a url")]
    [InlineData("http_seeds", "ftp://127.0.0.1/file")]
    [InlineData("trackers", "")]
    [InlineData("trackers", "file:///etc/passwd")]
    public async Task A_bad_url_is_refused_before_the_torrent_enters_the_session(string list, string url)
    {
        var request = list switch
        {
            "url_seeds" => new AddTorrentRequest { TorrentFile = _torrentFile, SavePath = _root.Path, UrlSeeds = [url] },
            "http_seeds" => new AddTorrentRequest { TorrentFile = _torrentFile, SavePath = _root.Path, HttpSeeds = [url] },
            _ => new AddTorrentRequest { TorrentFile = _torrentFile, SavePath = _root.Path, Trackers = [url] },
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _engine.AddAsync(request));
        Assert.Contains($"{list}[0]", error.Message, StringComparison.Ordinal);
        Assert.Empty(_engine.GetAllStatus());
        Assert.Empty(_engine.StatusSnapshot);
    }

    [Fact]
    public void Settings_the_engine_depends_on_are_refused_and_nothing_is_applied()
    {
        var before = _engine.GetSetting("connections_limit");
        var error = Assert.Throws<ReservedSettingException>(() => _engine.ApplySettings(new Dictionary<string, string>
        {
            ["connections_limit"] = "77",
            ["alert_mask"] = "0",
            ["alert_queue_size"] = "10",
        }));

        Assert.Contains("alert_mask", error.Message, StringComparison.Ordinal);
        Assert.Contains("alert_queue_size", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, _engine.GetSetting("connections_limit"));
        Assert.NotEqual("0", _engine.GetSetting("alert_mask"));
    }

    [Fact]
    public void An_engine_configured_with_a_reserved_setting_does_not_start()
    {
        var options = LoopbackEngine.Options(FreePort.Next());
        options.Settings["stop_tracker_timeout"] = "600";
        var error = Assert.Throws<ReservedSettingException>(() => new TorrentEngine(options).Dispose());
        Assert.Contains("stop_tracker_timeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_peer_endpoint_is_refused()
    {
        using var torrent = await _engine.AddAsync(new AddTorrentRequest { TorrentFile = _torrentFile, SavePath = _root.Path, Paused = true });
        Assert.Throws<ArgumentNullException>(() => torrent.ConnectPeer(null!));
    }
}
