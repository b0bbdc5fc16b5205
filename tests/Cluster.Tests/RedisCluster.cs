using System.Text.Json;
using TorrentCluster.Testing;

namespace TorrentCluster.Cluster.Tests;

/// <summary>
/// A cluster as operators run it, all on loopback: a real Redis, three silo processes and one gateway process.
/// </summary>
public sealed class RedisCluster : IAsyncDisposable
{
    private readonly TempDirectory _root = new();
    private readonly List<HostProcess> _silos = [];

    private RedisCluster(RedisServer redis) => Redis = redis;

    public RedisServer Redis { get; }

    public HostProcess Gateway { get; private set; } = null!;

    public IReadOnlyList<HostProcess> Silos => _silos;

    public static async Task<RedisCluster> StartAsync(int silos, IReadOnlyDictionary<string, string>? siloSettings = null)
    {
        var cluster = new RedisCluster(await RedisServer.StartAsync());
        for (var i = 0; i < silos; i++)
        {
            cluster._silos.Add(await HostProcess.StartClusterSiloAsync($"silo-{i}", Path.Combine(cluster._root.Path, $"silo-{i}"), cluster.Redis.ConnectionString, siloSettings));
        }

        cluster.Gateway = await HostProcess.StartGatewayAsync(Path.Combine(cluster._root.Path, "gateway"), cluster.Redis.ConnectionString);
        await Eventually.Until(
            async () => (await cluster.ActiveSilosAsync()).Count == silos,
            TimeSpan.FromSeconds(60),
            $"{silos} silos to be active");
        return cluster;
    }

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

    public HostProcess Silo(string name) => _silos.Single(silo => silo.DataPath.EndsWith(name, StringComparison.Ordinal));

    public async Task<List<JsonElement>> ListTorrentsAsync()
    {
        var result = await Gateway.Rpc.ResultAsync("torrents.list", new { page_size = 10_000 });
        return [.. result.GetProperty("torrents").EnumerateArray().Select(torrent => torrent.Clone())];
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }

        await Redis.DisposeAsync();
        _root.Dispose();
    }
}
