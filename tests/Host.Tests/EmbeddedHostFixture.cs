using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Host.Tests;

/// <summary>One embedded host shared by a test class, holding one paused torrent that no test may lose.</summary>
public sealed class EmbeddedHostFixture : IAsyncLifetime
{
    private readonly TempDirectory _root = new();
    private LoopbackSeeder? _seeder;

    public HostProcess Host { get; private set; } = null!;

    /// <summary>The v1 hash of the torrent added at start.</summary>
    public string KeptTorrent { get; private set; } = string.Empty;

    public byte[] KeptTorrentFile { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _seeder = new LoopbackSeeder(uploadRateLimit: 0);
        var (torrentFile, _) = _seeder.Seed("kept.bin", 1024 * 1024, seed: 11);
        KeptTorrentFile = torrentFile;
        Host = await HostProcess.StartEmbeddedAsync(Path.Combine(_root.Path, "host"));
        var added = await Host.Rpc.ResultAsync("torrents.add", new { ti = Convert.ToBase64String(torrentFile), paused = true });
        KeptTorrent = added.GetProperty("info_hash")[0].GetString()!;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _seeder?.Dispose();
        _root.Dispose();
    }
}
