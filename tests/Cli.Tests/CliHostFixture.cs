using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Cli.Tests;

/// <summary>
/// One embedded host with authentication on, as the README runs it, a loopback tracker, and a seeder of a 64 MiB
/// file (and a 48 MiB one) announced to it; tcctl logged in once (through the environment variables) in a home of
/// its own that tests copy from.
/// </summary>
public sealed class CliHostFixture : IAsyncLifetime
{
    public const string Username = "admin";
    public const string Password = "a passphrase long enough";
    public const long FileSize = 64L * 1024 * 1024;
    public const string FileName = "cli-download.bin";
    public const string WatchedFileName = "cli-watched.bin";

    private readonly TempDirectory _root = new();

    public HostProcess Host { get; private set; } = null!;

    public HttpTracker Tracker { get; } = new();

    // 8 MB/s: the download lasts about eight seconds, long enough for tcctl peers to see the seeder.
    public LoopbackSeeder Seeder { get; } = new(uploadRateLimit: 8 * 1024 * 1024, userAgent: "cli-seeder/1.0");

    public string TorrentFile { get; private set; } = string.Empty;

    public string SourceFile { get; private set; } = string.Empty;

    /// <summary>A second torrent of the same seeder (48 MiB, six seconds at its rate), for a watch to be interrupted.</summary>
    public string WatchedTorrentFile { get; private set; } = string.Empty;

    /// <summary>A tcctl whose current context is the host, logged in.</summary>
    public Tcctl LoggedIn { get; private set; } = null!;

    public string Url => Host.BaseUri.ToString().TrimEnd('/');

    public static Dictionary<string, string> Credentials(string password = Password) => new()
    {
        ["TORRENTCLUSTER_USERNAME"] = Username,
        ["TORRENTCLUSTER_PASSWORD"] = password,
    };

    /// <summary>A tcctl with a home of its own under the fixture's folder, nobody logged in.</summary>
    public Tcctl NewTcctl() => new(Directory.CreateDirectory(Path.Combine(_root.Path, "homes", Guid.NewGuid().ToString("N"))).FullName);

    /// <summary>A tcctl with its own copy of the logged-in config, free to be spoiled.</summary>
    public Tcctl CopyOfLoggedIn()
    {
        var copy = NewTcctl();
        Directory.CreateDirectory(Path.GetDirectoryName(copy.ConfigPath)!);
        File.Copy(LoggedIn.ConfigPath, copy.ConfigPath);
        return copy;
    }

    public async Task InitializeAsync()
    {
        var (torrent, source) = Seeder.Seed(FileName, FileSize, seed: 16, trackers: [Tracker.AnnounceUrl]);
        TorrentFile = Path.Combine(_root.Path, "cli-download.torrent");
        await File.WriteAllBytesAsync(TorrentFile, torrent);
        SourceFile = source;
        var (watched, _) = Seeder.Seed(WatchedFileName, 48L * 1024 * 1024, seed: 17, trackers: [Tracker.AnnounceUrl]);
        WatchedTorrentFile = Path.Combine(_root.Path, "cli-watched.torrent");
        await File.WriteAllBytesAsync(WatchedTorrentFile, watched);
        Host = await HostProcess.StartEmbeddedAsync(Path.Combine(_root.Path, "host"), new Dictionary<string, string> { ["TorrentCluster__Auth__Enabled"] = "true" });
        await ClusterApi.InitAndLoginAsync(Host.BaseUri, Username, Password);
        LoggedIn = NewTcctl();
        await LogInAgainAsync();
    }

    /// <summary>Logs <see cref="LoggedIn"/> in (again, after a test revoked the user's tokens with tcctl logout).</summary>
    public async Task LogInAgainAsync()
    {
        var login = await LoggedIn.RunAsync(Credentials(), "login", Url, "--name", "fixture");
        if (login.ExitCode != 0)
        {
            throw new InvalidOperationException(login.ToString());
        }
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Seeder.Dispose();
        Tracker.Dispose();
        _root.Dispose();
    }
}
