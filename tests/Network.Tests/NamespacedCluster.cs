using System.Text.Json;
using TorrentCluster.Testing;

namespace TorrentCluster.Network.Tests;

/// <summary>
/// A Redis cluster as a farm runs it, each process on a machine of its own: Redis, every silo and the gateway in
/// their own network namespaces on one test bridge, the test process (seeders, trackers) on the same bridge.
/// </summary>
public sealed class NamespacedCluster : IAsyncDisposable
{
    private readonly Dictionary<string, NetworkNode> _nodes;

    private NamespacedCluster(TestNetwork network, Dictionary<string, NetworkNode> nodes, RedisCluster cluster)
    {
        Network = network;
        _nodes = nodes;
        Cluster = cluster;
    }

    public TestNetwork Network { get; }

    public RedisCluster Cluster { get; }

    public HostProcess Gateway => Cluster.Gateway;

    public static async Task<NamespacedCluster> StartAsync(
        int silos, IReadOnlyDictionary<string, string>? siloSettings = null, IReadOnlyDictionary<string, string>? gatewaySettings = null)
    {
        var network = TestNetwork.Create();
        try
        {
            var names = new[] { "redis", "gateway" }.Concat(Enumerable.Range(0, silos).Select(i => $"silo-{i}"));
            var nodes = names.ToDictionary(name => name, network.AddNode, StringComparer.Ordinal);
            var cluster = await RedisCluster.StartAsync(silos, siloSettings, name => nodes[name].Placement, gatewaySettings);
            return new NamespacedCluster(network, nodes, cluster);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>The machine a process runs on: "redis", "gateway" or a silo's name.</summary>
    public NetworkNode Node(string name) => _nodes[name];

    public IEnumerable<NetworkNode> SiloNodes => Cluster.SiloNames.Select(Node);

    /// <summary>
    /// How many torrents each silo's own engine runs, read from each silo's metrics endpoint (not through the
    /// cluster): those it hosts, or none while it has fenced itself off (engine paused); null for a silo that does
    /// not answer.
    /// </summary>
    public async Task<Dictionary<string, int?>> RunningBySiloAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        var result = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var name in Cluster.SiloNames)
        {
            var silo = Cluster.Silo(name);
            try
            {
                var metrics = silo.HasExited ? null : await http.GetStringAsync(new Uri(silo.BaseUri, "metrics"));
                result[name] = metrics is null || MetricsScrape.Sum(metrics, "torrentcluster_silo_fenced") > 0
                    ? 0
                    : (int)MetricsScrape.Sum(metrics, "torrentcluster_torrents");
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                result[name] = null;
            }
        }

        return result;
    }

    public static string Key(JsonElement torrent) =>
        torrent.GetProperty("info_hash")[0].GetString() ?? torrent.GetProperty("info_hash")[1].GetString()!;

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Network.Dispose();
    }
}
