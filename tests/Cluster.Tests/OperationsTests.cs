using System.Text.RegularExpressions;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Cluster.Tests;

/// <summary>What an operator's Prometheus and Kubernetes see: metrics after a real download, and readiness.</summary>
public sealed class OperationsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task After_a_download_the_silo_and_gateway_metrics_show_bytes_torrents_and_calls()
    {
        const long size = 8L * 1024 * 1024;
        await using var cluster = await RedisCluster.StartAsync(silos: 1);
        using var seeder = new LoopbackSeeder(uploadRateLimit: 0);
        var (torrentFile, _) = seeder.Seed("metrics.bin", size, seed: 77);
        var added = await cluster.Gateway.Rpc.ResultAsync("torrents.add", new { ti = Convert.ToBase64String(torrentFile) });
        var v1 = added.GetProperty("info_hash")[0].GetString()!;
        await cluster.Gateway.Rpc.ResultAsync("torrents.peers.add", new { info_hash = v1, peers = new object[] { new object[] { "127.0.0.1", seeder.Port } } });
        await Eventually.Until(async () => (await cluster.Gateway.Rpc.ResultAsync("torrents.get", new { info_hash = v1 })).GetProperty("progress").GetDouble() >= 1.0,
            Patience, "the download completes");

        var silo = cluster.Silo(cluster.SiloNames.Single());
        using var http = new HttpClient();
        var siloMetrics = "";
        await Eventually.Until(async () =>
        {
            siloMetrics = await http.GetStringAsync(new Uri($"http://127.0.0.1:{silo.HttpPort}/metrics"));
            return Value(siloMetrics, "torrentcluster_downloaded_bytes_total") >= size
                && Value(siloMetrics, "torrentcluster_torrents", "state=\"seeding\"") == 1;
        }, Patience, "the silo's metrics show the download and one seeding torrent");
        Assert.Equal(0, Value(siloMetrics, "torrentcluster_torrents", "state=\"downloading\""));
        Assert.Contains("orleans_", siloMetrics, StringComparison.Ordinal);
        Assert.Matches(new Regex("^(process_runtime_)?dotnet_gc", RegexOptions.Multiline), siloMetrics);

        var gatewayMetrics = await http.GetStringAsync(new Uri($"http://127.0.0.1:{cluster.Gateway.HttpPort}/metrics"));
        Assert.Equal(1, Value(gatewayMetrics, "torrentcluster_rpc_calls_total", "method=\"torrents.add\"", "outcome=\"ok\""));
        Assert.True(Value(gatewayMetrics, "torrentcluster_rpc_calls_total", "method=\"torrents.get\"", "outcome=\"ok\"") >= 1);
        Assert.True(Value(gatewayMetrics, "torrentcluster_rpc_duration_seconds_count", "method=\"torrents.add\"") >= 1);
        Assert.Contains("http_server_request_duration_seconds", gatewayMetrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_turns_unready_when_redis_stops_and_ready_when_it_returns()
    {
        await using var cluster = await RedisCluster.StartAsync(silos: 1);
        var silo = cluster.Silo(cluster.SiloNames.Single());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        await WaitForReadinessAsync(http, silo.HttpPort, ready: true, "the silo is ready");
        await WaitForReadinessAsync(http, cluster.Gateway.HttpPort, ready: true, "the gateway is ready");

        await cluster.Redis.StopAsync();
        await WaitForReadinessAsync(http, silo.HttpPort, ready: false, "the silo turns unready without Redis");
        await WaitForReadinessAsync(http, cluster.Gateway.HttpPort, ready: false, "the gateway turns unready without Redis");
        // A silo that exited would read as unready too: say so, with its log, rather than a refused connection.
        Assert.False(silo.HasExited, $"the silo exited when Redis stopped:\n{silo.Output}");
        Assert.Equal(200, (int)(await http.GetAsync(new Uri($"http://127.0.0.1:{silo.HttpPort}/healthz"))).StatusCode);

        await cluster.Redis.RestartAsync();
        await WaitForReadinessAsync(http, silo.HttpPort, ready: true, "the silo is ready again");
        await WaitForReadinessAsync(http, cluster.Gateway.HttpPort, ready: true, "the gateway is ready again");
    }

    private static Task WaitForReadinessAsync(HttpClient http, int port, bool ready, string what) => Eventually.Until(async () =>
    {
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/readyz"));
            return (int)response.StatusCode == (ready ? 200 : 503);
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }, Patience, what);

    private static double Value(string scrape, string name, params string[] labels) => MetricsScrape.Sum(scrape, name, labels);
}
