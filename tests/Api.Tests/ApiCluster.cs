using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;
using TorrentCluster.Gateway.Hosting;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Api.Tests;

/// <summary>
/// A real two-silo Orleans cluster (TestingHost, in this process), each silo with its own libtorrent engine on
/// 127.0.0.1, and two gateway replicas in front of it on their own loopback ports, sharing one JWT secret. The
/// first user is created and logged in; <see cref="Rpc"/> carries its token.
/// </summary>
public sealed class ApiCluster : IAsyncLifetime
{
    public const string Secret = "conformance-tests-secret-0123456789abcdef";
    public const string Username = "operator";
    public const string Password = "correct horse battery staple";

    private readonly List<WebApplication> _gateways = [];

    public TempDirectory Root { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>Gateway replica A, logged in.</summary>
    public JsonRpcClient Rpc { get; private set; } = null!;

    /// <summary>Gateway replica B's endpoint (no token set).</summary>
    public Uri SecondGateway { get; private set; } = null!;

    public Uri FirstGateway { get; private set; } = null!;

    /// <summary>The silos' names (Porla's session names), in order.</summary>
    public IReadOnlyList<string> Sessions { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((options, silo) => LoopbackSilos.Configure(silo, options.SiloName, Root.Path));
        builder.ConfigureClient(client => client.AddActivityPropagation());
        Cluster = builder.Build();
        await Cluster.DeployAsync();

        FirstGateway = await StartGatewayAsync();
        SecondGateway = await StartGatewayAsync();
        Rpc = new JsonRpcClient(FirstGateway);
        await Rpc.ResultAsync("auth.init", new { username = Username, password = Password });
        Rpc.Token = (await Rpc.ResultAsync("auth.login", new { username = Username, password = Password })).GetProperty("token").GetString();
        var sessions = await Rpc.ResultAsync("sessions.list", new { });
        Sessions = [.. sessions.GetProperty("sessions").EnumerateArray().Select(session => session.GetProperty("name").GetString()!)];
    }

    /// <summary>A gateway replica as the standalone gateway runs it: the JSON-RPC endpoint over an Orleans client.</summary>
    public async Task<Uri> StartGatewayAsync(string secret = Secret, TimeSpan? tokenLifetime = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration["TorrentCluster:Auth:Secret"] = secret;
        if (tokenLifetime is { } lifetime)
        {
            builder.Configuration["TorrentCluster:Auth:TokenLifetime"] = lifetime.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.Configuration[key] = value;
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(Cluster.Client);
        builder.Services.AddSingleton<IGrainFactory>(Cluster.Client);
        builder.Services.AddTorrentClusterGateway();
        var app = builder.Build();
        app.MapTorrentClusterGateway();
        await app.StartAsync();
        _gateways.Add(app);
        return new Uri($"http://127.0.0.1:{port}/api/v1/jsonrpc");
    }

    /// <summary>Makes a real torrent of random data under the test root; returns it base64-encoded and its folder.</summary>
    public (string Ti, string Folder) MakeTorrent(string name, long size, int seed)
    {
        var folder = Path.Combine(Root.Path, "content", name);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        TestFiles.CreateRandom(path, size, seed);
        var torrent = Engine.TorrentCreator.Create(new Engine.CreateTorrentOptions { Path = path, Trackers = ["http://127.0.0.1:1/announce"] });
        return (Convert.ToBase64String(torrent), folder);
    }

    /// <summary>Adds a torrent through the API; returns its v1 info-hash.</summary>
    public async Task<string> AddAsync(object parameters)
    {
        var result = await Rpc.ResultAsync("torrents.add", parameters);
        return result.GetProperty("info_hash")[0].GetString()!;
    }

    public async Task DisposeAsync()
    {
        foreach (var gateway in _gateways)
        {
            await gateway.StopAsync();
            await gateway.DisposeAsync();
        }

        Rpc.Dispose();
        await Cluster.DisposeAsync();
        Root.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiClusterCollection : ICollectionFixture<ApiCluster>
{
    public const string Name = "api cluster";
}

/// <summary>JSON type checks that read as Porla's field types.</summary>
internal static class Shape
{
    public static void Fields(JsonElement item, params (string Name, JsonValueKind Kind)[] fields)
    {
        foreach (var (name, kind) in fields)
        {
            Assert.True(item.TryGetProperty(name, out var value), $"missing field '{name}' in {item}");
            if (kind == JsonValueKind.True)
            {
                Assert.True(value.ValueKind is JsonValueKind.True or JsonValueKind.False, $"'{name}' is {value.ValueKind}, not a boolean");
            }
            else
            {
                Assert.True(value.ValueKind == kind, $"'{name}' is {value.ValueKind}, not {kind}: {item}");
            }
        }
    }

    /// <summary>Calls and checks that the answer is an error with <paramref name="code"/> and a message.</summary>
    public static async Task ErrorAsync(JsonRpcClient rpc, int code, string method, object parameters)
    {
        var answer = await rpc.CallAsync(method, parameters);
        Assert.True(answer.TryGetProperty("error", out var error), $"{method} {JsonSerializer.Serialize(parameters)} succeeded: {answer}");
        Assert.Equal(code, error.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
    }

    public const JsonValueKind JsonBool = JsonValueKind.True;
    public const JsonValueKind JsonNumber = JsonValueKind.Number;
    public const JsonValueKind JsonString = JsonValueKind.String;
    public const JsonValueKind JsonObject = JsonValueKind.Object;
    public const JsonValueKind JsonArray = JsonValueKind.Array;
    public const JsonValueKind JsonNull = JsonValueKind.Null;
}
