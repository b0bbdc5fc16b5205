using System.Diagnostics;
using System.Security.Cryptography;
using TorrentCluster.Bench.Scale;
using TorrentCluster.Testing;

namespace TorrentCluster.Bench.ConsoleLoad;

/// <summary>
/// The console's fleet as the console tests run it (tests/Console.Tests' ConsoleFleet), at the benchmark's size:
/// a Redis cluster of separate silo processes, auth on, silo-0 hosting the gateway the browser and the bench use,
/// a first user and its token; then filled with paused metadata-only torrents spread evenly over the silos.
/// </summary>
internal sealed class BenchFleet : IAsyncDisposable
{
    public const string Username = "operator";
    public const string Password = "correct horse battery";

    private BenchFleet(RedisCluster cluster, string token)
    {
        Cluster = cluster;
        Token = token;
        Rpc = new ScaleRpc(Gateway) { Token = token };
    }

    public RedisCluster Cluster { get; }

    /// <summary>silo-0's own gateway: the one the browser loads the console from.</summary>
    public Uri Gateway => Cluster.Silo("silo-0").BaseUri;

    public string Token { get; }

    /// <summary>JSON-RPC at <see cref="Gateway"/> with the operator's token.</summary>
    public ScaleRpc Rpc { get; }

    public static async Task<BenchFleet> StartAsync(int silos)
    {
        var cluster = await RedisCluster.StartAsync(silos, siloSettings: new Dictionary<string, string>
        {
            ["TorrentCluster__Cluster__HostGateway"] = "true",
            ["TorrentCluster__Auth__Enabled"] = "true",
            ["TorrentCluster__Auth__Secret"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            // A batch of adds on a shared 2-core machine may take longer than the default 5 s; this bench measures
            // the page, not adding, so filling waits rather than fails.
            ["TorrentCluster__Cluster__CallTimeout"] = "00:00:30",
        });
        try
        {
            var token = await ClusterApi.InitAndLoginAsync(cluster.Silo("silo-0").BaseUri, Username, Password);
            return new BenchFleet(cluster, token);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Adds torrents 0 to count-1 in JSON-RPC batches and waits until the silos' engines hold them all.</summary>
    /// <returns>Seconds from the first add to the last torrent in an engine.</returns>
    public async Task<double> FillAsync(int count, int batch, TimeSpan timeout, CancellationToken cancellation)
    {
        var silos = Cluster.SiloNames.Count();
        var watch = Stopwatch.StartNew();
        var report = Stopwatch.StartNew();
        for (var first = 0; first < count; first += batch)
        {
            if (watch.Elapsed > timeout)
            {
                throw new BenchStepException($"filling took over {timeout.TotalSeconds:0} s: {first:#,0} of {count:#,0} added");
            }

            var calls = Enumerable.Range(first, Math.Min(batch, count - first))
                .Select(index => ("torrents.add", FleetTorrent.Create(index, silos).AddParams()))
                .ToList();
            await Rpc.BatchAsync(calls, cancellation);
            if (report.Elapsed > TimeSpan.FromSeconds(10))
            {
                System.Console.WriteLine($"    {first + calls.Count:#,0} of {count:#,0} added");
                report.Restart();
            }
        }

        var metrics = Cluster.SiloNames.Select(name => new ScaleRpc(Cluster.Silo(name).BaseUri)).ToList();
        try
        {
            await EngineCount.WaitForAsync(metrics, count, timeout - watch.Elapsed, $"the silos to hold all {count:#,0} torrents", cancellation);
        }
        finally
        {
            metrics.ForEach(rpc => rpc.Dispose());
        }

        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>How many torrents each silo's engine holds, by silo name.</summary>
    public async Task<IReadOnlyDictionary<string, long>> SpreadAsync(CancellationToken cancellation)
    {
        var spread = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var name in Cluster.SiloNames)
        {
            using var metrics = new ScaleRpc(Cluster.Silo(name).BaseUri);
            spread[name] = await EngineCount.ReadAsync(metrics, cancellation);
        }

        return spread;
    }

    public async ValueTask DisposeAsync()
    {
        Rpc.Dispose();
        await Cluster.DisposeAsync();
    }
}
