using System.Text.Json;

namespace TorrentCluster.Testing;

/// <summary>
/// A cluster as operators run it: a real Redis, silo processes named silo-0, silo-1, ... each with a data folder
/// of its own, and one gateway process; all on loopback, or each on a machine of its own when a placement is given
/// (<see cref="HostPlacement"/>: a network namespace and address per process name). Silos can be killed, stopped
/// and started again under the same name and folder, as a Kubernetes StatefulSet pod would be. Secured as the shipped
/// configurations are: Redis has a password, and every process speaks mutual TLS on Orleans' ports with a
/// certificate of its own name from the cluster's CA.
/// </summary>
public sealed class RedisCluster : IAsyncDisposable
{
    private readonly TempDirectory _root = new();
    private readonly Dictionary<string, HostProcess> _silos = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, string> _siloSettings;
    private readonly IReadOnlyDictionary<string, string> _gatewaySettings;
    private readonly Func<string, HostPlacement> _place;

    private RedisCluster(
        RedisServer redis,
        ClusterCertificateAuthority certificates,
        IReadOnlyDictionary<string, string> siloSettings,
        IReadOnlyDictionary<string, string> gatewaySettings,
        Func<string, HostPlacement> place)
    {
        Redis = redis;
        Certificates = certificates;
        _siloSettings = siloSettings;
        _gatewaySettings = gatewaySettings;
        _place = place;
    }

    public RedisServer Redis { get; }

    /// <summary>The cluster's CA, which issued every member's certificate.</summary>
    public ClusterCertificateAuthority Certificates { get; }

    public HostProcess Gateway { get; private set; } = null!;

    public IEnumerable<string> SiloNames => _silos.Keys;

    /// <param name="silos">How many silos to start.</param>
    /// <param name="siloSettings">Settings every silo gets besides the cluster's own.</param>
    /// <param name="place">Where each process runs, by name ("redis", "gateway", "silo-0", ...); loopback by default.</param>
    /// <param name="gatewaySettings">Settings the gateway gets besides the cluster's own.</param>
    public static async Task<RedisCluster> StartAsync(
        int silos,
        IReadOnlyDictionary<string, string>? siloSettings = null,
        Func<string, HostPlacement>? place = null,
        IReadOnlyDictionary<string, string>? gatewaySettings = null)
    {
        place ??= _ => HostPlacement.Loopback;
        var certificates = await ClusterCertificateAuthority.CreateAsync();
        RedisServer redis;
        try
        {
            redis = await RedisServer.StartAsync(place("redis"), RedisServer.NewPassword());
        }
        catch
        {
            certificates.Dispose();
            throw;
        }

        var cluster = new RedisCluster(
            redis, certificates, siloSettings ?? new Dictionary<string, string>(), gatewaySettings ?? new Dictionary<string, string>(), place);
        try
        {
            for (var i = 0; i < silos; i++)
            {
                await cluster.StartSiloAsync($"silo-{i}");
            }

            await cluster.StartGatewayAsync();
            await cluster.WaitForActiveSilosAsync(silos);
        }
        catch
        {
            // Nobody else holds it yet: stop every process it started, or they outlive the test.
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    public HostProcess Silo(string name) => _silos[name];

    public async Task StartSiloAsync(string name)
    {
        if (_silos.TryGetValue(name, out var previous))
        {
            await previous.DisposeAsync();
        }

        _silos[name] = await HostProcess.StartClusterSiloAsync(
            name, Path.Combine(_root.Path, name), Redis.ConnectionString, await MemberSettingsAsync(name, _siloSettings), _place(name));
    }

    public async Task StartGatewayAsync()
    {
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        Gateway = await HostProcess.StartGatewayAsync(
            Path.Combine(_root.Path, "gateway"), Redis.ConnectionString, await MemberSettingsAsync("gateway", _gatewaySettings), _place("gateway"));
    }

    // The member's own certificate, then what the test asked for, which may override it.
    private async Task<Dictionary<string, string>> MemberSettingsAsync(string name, IReadOnlyDictionary<string, string> requested)
    {
        var settings = await Certificates.TlsSettingsAsync(name);
        foreach (var (key, value) in requested)
        {
            settings[key] = value;
        }

        return settings;
    }

    public async Task WaitForActiveSilosAsync(int count)
    {
        var lastAnswer = "(none)";
        try
        {
            await Eventually.Until(
                async () =>
                {
                    var answer = await Gateway.Rpc.CallAsync("cluster.silos.list", new { });
                    lastAnswer = answer.GetRawText();
                    return ClusterApi.ActiveSilos(answer).Count == count;
                },
                TimeSpan.FromSeconds(90),
                $"{count} silos to be active");
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{exception.Message}; the gateway's last cluster.silos.list answer:\n{lastAnswer}\nwhat the silos' membership said:\n{MembershipEvents()}", exception);
        }
    }

    // Orleans' membership decisions (joins, votes, deaths) from every silo's log, for a start that went wrong.
    private string MembershipEvents()
    {
        string[] events = ["Voting to evict", "Evicting", "I have been told I am dead", "-BecomeActive", "Suppressing vote", "engine is paused"];
        return string.Join('\n', _silos.SelectMany(silo => File.Exists(Path.Combine(silo.Value.DataPath, "host.log"))
            ? File.ReadLines(Path.Combine(silo.Value.DataPath, "host.log"))
                .Where(line => events.Any(text => line.Contains(text, StringComparison.Ordinal)))
                .Select(line => $"{silo.Key}: {line.Trim()}")
            : []));
    }

    public Task<IReadOnlyList<string>> ActiveSilosAsync() => ClusterApi.ActiveSilosAsync(Gateway.Rpc);

    public async Task<List<JsonElement>> ListTorrentsAsync()
    {
        var result = await Gateway.Rpc.ResultAsync("torrents.list", new { page_size = 10_000 });
        return [.. result.GetProperty("torrents").EnumerateArray().Select(torrent => torrent.Clone())];
    }

    public async ValueTask DisposeAsync()
    {
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        foreach (var silo in _silos.Values)
        {
            await silo.DisposeAsync();
        }

        await Redis.DisposeAsync();
        Certificates.Dispose();
        _root.Dispose();
    }
}
