using System.Diagnostics;
using TorrentCluster.Engine;
using TorrentCluster.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TorrentCluster.Network.Tests;

/// <summary>
/// The short probe timeouts that let the cluster declare a partitioned silo dead in about 20 s must not declare a
/// merely slow one dead: a silo behind a slow, lossy link to the others, while every silo downloads and the gateway
/// lists, stays a member.
/// </summary>
public sealed class FalseDeathTests(ITestOutputHelper output)
{
    private const int Torrents = 6;
    private const long TorrentSize = 32L * 1024 * 1024;

    // Three times what the cluster takes to declare a silent silo dead (about 20 s).
    private static readonly TimeSpan Watched = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task No_silo_is_declared_dead_behind_a_slow_lossy_link_while_the_fleet_downloads()
    {
        await using var farm = await NamespacedCluster.StartAsync(silos: 3);
        using var seeder = new LoopbackSeeder(uploadRateLimit: 0, address: farm.Network.HostAddress);
        var slowSilo = farm.Cluster.SiloNames.First();
        var link = farm.Network.Impair(farm.Node(slowSilo), [.. farm.SiloNodes.Where(node => node != farm.Node(slowSilo))], TimeSpan.FromMilliseconds(150), loss: 0.02);

        for (var i = 0; i < Torrents; i++)
        {
            var (torrentFile, _) = seeder.Seed($"load-{i}.bin", TorrentSize, seed: 900 + i, TorrentVersion.V1);
            var key = (await farm.Gateway.Rpc.ResultAsync("torrents.add", new { ti = Convert.ToBase64String(torrentFile) })).GetProperty("info_hash")[0].GetString()!;
            await farm.Gateway.Rpc.ResultAsync("torrents.peers.add", new { info_hash = key, peers = new object[] { new object[] { seeder.Address.ToString(), seeder.Port } } });
        }

        var clock = Stopwatch.StartNew();
        var (listings, active) = (0, new List<int>());
        while (clock.Elapsed < Watched)
        {
            await farm.Gateway.Rpc.ResultAsync("torrents.list", new { page_size = 100 });
            listings++;
            active.Add((await farm.Cluster.ActiveSilosAsync()).Count);
            await Task.Delay(250);
        }

        var downloaded = (await farm.Cluster.ListTorrentsAsync()).Sum(torrent => torrent.GetProperty("total_done").GetInt64());
        var votes = farm.Cluster.SiloNames.Sum(name => Occurrences(WholeLog(farm.Cluster.Silo(name)), "Voting to evict"));
        output.WriteLine($"{slowSilo} behind 150 ms each way and 2 % loss to the other silos ({link.Carried} packets carried, {link.Dropped} dropped) for {Watched.TotalSeconds:0} s: " +
            $"{downloaded / (1024 * 1024)} MiB downloaded by the fleet, {listings} listings; active silos always {string.Join("/", active.Distinct())}; votes to evict: {votes}");
        Assert.True(link.Dropped > 0, "the link dropped no packet: the loss was not applied");
        Assert.True(downloaded > 0, "nothing was downloaded: the silos were not under load");
        Assert.All(active, count => Assert.Equal(3, count));
        Assert.Equal(0, votes);
    }

    // Every line the silo logged (its output keeps only the last 100); membership logs its votes at Information.
    private static string WholeLog(HostProcess silo)
    {
        using var log = new FileStream(Path.Combine(silo.DataPath, "host.log"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(log);
        return reader.ReadToEnd();
    }

    private static int Occurrences(string text, string what)
    {
        var (count, at) = (0, 0);
        while ((at = text.IndexOf(what, at, StringComparison.Ordinal)) >= 0)
        {
            count++;
            at += what.Length;
        }

        return count;
    }
}
