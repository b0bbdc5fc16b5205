using System.Text.Json;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Host.Tests;

/// <summary>
/// An embedded host with two storage roots set in configuration, a folder outside both that must stay empty, and
/// a loopback seeder for the torrents the tests add.
/// </summary>
public sealed class StorageRootsHostFixture : IAsyncLifetime
{
    private readonly TempDirectory _root = new();

    public TempDirectory Outside { get; } = new();

    public LoopbackSeeder Seeder { get; } = new(uploadRateLimit: 0);

    public HostProcess Host { get; private set; } = null!;

    /// <summary>The first root: the default folder, and what relative paths resolve against.</summary>
    public string First => Path.Combine(_root.Path, "first");

    public string Second => Path.Combine(_root.Path, "second");

    /// <summary>The host's data folder: beside the roots, not inside them.</summary>
    public string HostData => Path.Combine(_root.Path, "host");

    public async Task InitializeAsync()
    {
        Host = await HostProcess.StartEmbeddedAsync(HostData, new Dictionary<string, string>
        {
            ["TorrentCluster__Storage__AllowedRoots__0"] = First,
            ["TorrentCluster__Storage__AllowedRoots__1"] = Second,
        });
    }

    /// <summary>Seeds a new torrent; returns its base64 .torrent, v1 hash and source file.</summary>
    public (string Ti, string V1, string Source) NewTorrent(string name, int seed)
    {
        var (torrentFile, source) = Seeder.Seed(name, 256 * 1024, seed);
        var v1 = Engine.TorrentMetadata.Parse(torrentFile).InfoHashes.V1!;
        return (Convert.ToBase64String(torrentFile), v1, source);
    }

    /// <summary>Calls and returns the error, failing when the call succeeds.</summary>
    public async Task<JsonElement> ErrorAsync(string method, object parameters)
    {
        var answer = await Host.Rpc.CallAsync(method, parameters);
        Assert.False(answer.TryGetProperty("result", out _), $"{method} {JsonSerializer.Serialize(parameters)} should fail, answered {answer}");
        return answer.GetProperty("error").Clone();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Seeder.Dispose();
        Outside.Dispose();
        _root.Dispose();
    }
}
