using System.Text.Json;
using TorrentCluster.Testing;

namespace TorrentCluster.Cluster.Tests;

/// <summary>
/// A cluster as operators run it, all on loopback: a real Redis, silo processes named silo-0, silo-1, ... each
/// with a data folder of its own, and one gateway process. Silos can be killed, stopped and started again under
/// the same name and folder, as a Kubernetes StatefulSet pod would be.
/// </summary>
public sealed class RedisCluster : IAsyncDisposable
{
    private readonly TempDirectory _root = new();
    private readonly Dictionary<string, HostProcess> _silos = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, string> _siloSettings;

    private RedisCluster(RedisServer redis, IReadOnlyDictionary<string, string> siloSettings)
    {
        Redis = redis;
        _siloSettings = siloSettings;
    }

    public RedisServer Redis { get; }

    public HostProcess Gateway { get; private set; } = null!;

    public IEnumerable<string> SiloNames => _silos.Keys;

    public static async Task<RedisCluster> StartAsync(int silos, IReadOnlyDictionary<string, string>? siloSettings = null)
    {
        var cluster = new RedisCluster(await RedisServer.StartAsync(), siloSettings ?? new Dictionary<string, string>());
        for (var i = 0; i < silos; i++)
        {
            await cluster.StartSiloAsync($"silo-{i}");
        }

        await cluster.StartGatewayAsync();
        await cluster.WaitForActiveSilosAsync(silos);
        return cluster;
    }

    public HostProcess Silo(string name) => _silos[name];

    public async Task StartSiloAsync(string name)
    {
        if (_silos.TryGetValue(name, out var previous))
        {
            await previous.DisposeAsync();
        }

        _silos[name] = await HostProcess.StartClusterSiloAsync(name, Path.Combine(_root.Path, name), Redis.ConnectionString, _siloSettings);
    }

    public async Task StartGatewayAsync()
    {
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        Gateway = await HostProcess.StartGatewayAsync(Path.Combine(_root.Path, "gateway"), Redis.ConnectionString);
    }

    public Task WaitForActiveSilosAsync(int count) => Eventually.Until(
        async () => (await ActiveSilosAsync()).Count == count,
        TimeSpan.FromSeconds(90),
        $"{count} silos to be active");

    public async Task<IReadOnlyList<string>> ActiveSilosAsync()
    {
        var answer = await Gateway.Rpc.CallAsync("cluster.silos.list", new { });
        if (!answer.TryGetProperty("result", out var result))
        {
            return [];
        }

        return [.. result.GetProperty("silos").EnumerateArray()
            .Where(silo => silo.GetProperty("status").GetString() == "active")
            .Select(silo => silo.GetProperty("name").GetString()!)];
    }

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
        _root.Dispose();
    }
}
