using System.Diagnostics;
using TorrentCluster.Engine;
using TorrentCluster.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TorrentCluster.Network.Tests;

public sealed class LatencyTests(ITestOutputHelper output)
{
    private const int Torrents = 300;
    private const int Calls = 20;

    [Fact]
    public async Task Torrents_list_over_300_torrents_on_3_silos_answers_through_100_ms_of_latency_and_1_percent_loss()
    {
        await using var farm = await NamespacedCluster.StartAsync(silos: 3);
        using var seeder = new LoopbackSeeder(uploadRateLimit: 0, address: farm.Network.HostAddress);
        for (var i = 0; i < Torrents; i++)
        {
            var (torrentFile, _) = seeder.Seed($"latency-{i}.bin", 16 * 1024, seed: 2000 + i, TorrentVersion.V1);
            await farm.Gateway.Rpc.ResultAsync("torrents.add", new { ti = Convert.ToBase64String(torrentFile), paused = true });
        }

        var clear = await TimeListingsAsync(farm);
        var link = farm.Network.Impair(farm.Node("gateway"), [.. farm.SiloNodes], TimeSpan.FromMilliseconds(100), loss: 0.01);
        var impaired = await TimeListingsAsync(farm);

        output.WriteLine($"torrents.list of {Torrents} torrents on 3 silos, {Calls} calls each:");
        output.WriteLine($"  clear link:                 median {Median(clear):0} ms, worst {clear.Max():0} ms");
        output.WriteLine($"  100 ms each way, 1 % loss:  median {Median(impaired):0} ms, worst {impaired.Max():0} ms ({link.Carried} packets carried, {link.Dropped} dropped)");
        Assert.True(link.Dropped > 0, "the link dropped no packet: the loss was not applied");
        Assert.True(Median(impaired) >= 200, $"a round trip through the slow link takes at least 200 ms, the median was {Median(impaired)} ms: the delay was not applied");
    }

    private static async Task<List<double>> TimeListingsAsync(NamespacedCluster farm)
    {
        var times = new List<double>(Calls);
        for (var i = 0; i < Calls; i++)
        {
            var clock = Stopwatch.StartNew();
            var result = await farm.Gateway.Rpc.ResultAsync("torrents.list", new { page_size = 50 });
            times.Add(clock.Elapsed.TotalMilliseconds);
            Assert.Equal(Torrents, result.GetProperty("torrents_total").GetInt32());
        }

        return times;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
