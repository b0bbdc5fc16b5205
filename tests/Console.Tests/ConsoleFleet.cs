using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Console.Tests;

/// <summary>
/// One two-silo Redis cluster for every console test (the tests run one after another and each leaves the fleet as
/// it would have to be in production: torrents they add are theirs, by name), with auth on, silo-0 hosting the
/// gateway the browser talks to, and a first user already created through Porla's auth/init.
/// </summary>
public class ConsoleFleet : IAsyncLifetime
{
    public const string Username = "operator";
    public const string Password = "correct horse battery";

    private TempDirectory? _content;

    public RedisCluster Cluster { get; private set; } = null!;

    public ConsoleBrowser Browser { get; private set; } = null!;

    /// <summary>The gateway the browser uses: silo-0's own, auth on.</summary>
    public Uri Gateway => Cluster.Silo("silo-0").BaseUri;

    /// <summary>A token of <see cref="Username"/>, for pages that start logged in and for the test's own API calls.</summary>
    public string Token { get; private set; } = null!;

    /// <summary>A folder for the test's seeders' content, deleted with the fleet.</summary>
    public string ContentPath => _content!.Path;

    /// <summary>Settings a fleet of another kind gives every silo besides these (a failover fleet: no rehome grace).</summary>
    protected virtual IReadOnlyDictionary<string, string> MoreSiloSettings => new Dictionary<string, string>();

    /// <summary>A new <see cref="Token"/>, for after a test logged the user out (which revokes every token it had).</summary>
    public async Task LogInAgainAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var login = await http.PostAsJsonAsync(new Uri(Gateway, "/api/v1/auth/login"), new { username = Username, password = Password });
        var answer = await login.Content.ReadFromJsonAsync<JsonElement>();
        Token = answer.TryGetProperty("token", out var token) ? token.GetString()! : throw new InvalidOperationException($"auth/login answered {answer}");
    }

    public async Task InitializeAsync()
    {
        _content = new TempDirectory();
        var settings = new Dictionary<string, string>
        {
            ["TorrentCluster__Cluster__HostGateway"] = "true",
            ["TorrentCluster__Auth__Enabled"] = "true",
            ["TorrentCluster__Auth__Secret"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
        };
        foreach (var (key, value) in MoreSiloSettings)
        {
            settings[key] = value;
        }

        Cluster = await RedisCluster.StartAsync(silos: 2, siloSettings: settings);
        // The cluster is ready once its standalone gateway is; silo-0's own gateway may still be starting its listener.
        await Cluster.Silo("silo-0").WaitUntilAnsweringAsync();
        Token = await ClusterApi.InitAndLoginAsync(Gateway, Username, Password);
        Browser = await ConsoleBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        _content?.Dispose();
    }
}

/// <summary>The console tests share one <see cref="ConsoleFleet"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleFleetCollection : ICollectionFixture<ConsoleFleet>
{
    public const string Name = "console fleet";
}
