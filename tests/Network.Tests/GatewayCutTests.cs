using System.Diagnostics;
using System.Text.Json;
using TorrentCluster.Engine;
using TorrentCluster.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TorrentCluster.Network.Tests;

public sealed class GatewayCutTests(ITestOutputHelper output)
{
    private const int Rounds = 6;

    // The gateway's call timeout (5 s) and what a loaded two-core machine adds to it.
    private static readonly TimeSpan CallFastEnough = TimeSpan.FromSeconds(8);

    // Until the cut silo gives up its connection to the gateway (tcp_retries2=5: about 13 s), every answer to the
    // gateway goes into it; a listing (a read) is retried through that, then takes a silo timeout and a catalog
    // timeout (5 s each).
    private static readonly TimeSpan ListingFastEnough = TimeSpan.FromSeconds(30);

    // Open (issue "Many machines on one box"): passed 4 of 6 runs; in one CI run a call hung past the client's
    // 60 s, in another a listing took 25.5 s. docs/reliability.md has the runs and the cause found so far.
    [Fact(Skip = "intermittent: a call through a cut gateway link once hung past 60 s (docs/reliability.md)")]
    public async Task A_gateway_cut_from_one_silo_answers_every_call_within_its_timeout_and_still_lists_every_torrent()
    {
        await using var farm = await NamespacedCluster.StartAsync(silos: 3);
        using var seeder = new LoopbackSeeder(uploadRateLimit: 0, address: farm.Network.HostAddress);
        for (var i = 0; i < 9; i++)
        {
            var (torrentFile, _) = seeder.Seed($"cut-{i}.bin", 64 * 1024, seed: 600 + i, TorrentVersion.V1);
            var key = (await farm.Gateway.Rpc.ResultAsync("torrents.add", new { ti = Convert.ToBase64String(torrentFile) })).GetProperty("info_hash")[0].GetString()!;
            await farm.Gateway.Rpc.ResultAsync("torrents.peers.add", new { info_hash = key, peers = new object[] { new object[] { seeder.Address.ToString(), seeder.Port } } });
        }

        var torrents = await farm.Cluster.ListTorrentsAsync();
        var cutSilo = torrents.GroupBy(t => t.GetProperty("silo").GetString()!).OrderByDescending(group => group.Count()).First().Key;
        var onCutSilo = torrents.Where(t => t.GetProperty("silo").GetString() == cutSilo).Select(NamespacedCluster.Key).ToHashSet(StringComparer.Ordinal);
        farm.Network.Cut(farm.Node("gateway"), farm.Node(cutSilo));

        var (slowestListing, slowest) = (TimeSpan.Zero, TimeSpan.Zero);
        var (answeredOnCut, refusedOnCut, answeredElsewhere) = (0, 0, 0);
        for (var round = 0; round < Rounds; round++)
        {
            var listing = await TimedAsync(farm, "torrents.list", new { page_size = 100 });
            slowestListing = Max(slowestListing, listing.Took);
            Assert.True(listing.Answer.TryGetProperty("result", out var list), $"round {round}: torrents.list failed: {listing.Answer}");
            Assert.Equal(torrents.Count, list.GetProperty("torrents_total").GetInt32());

            var calls = await Task.WhenAll(torrents.Select(NamespacedCluster.Key).Select(async key => (Key: key, Call: await TimedAsync(farm, "torrents.get", new { info_hash = key }))));
            foreach (var (key, call) in calls)
            {
                slowest = Max(slowest, call.Took);
                var onCut = onCutSilo.Contains(key);
                if (call.Answer.TryGetProperty("result", out _))
                {
                    (answeredOnCut, answeredElsewhere) = (answeredOnCut + (onCut ? 1 : 0), answeredElsewhere + (onCut ? 0 : 1));
                    continue;
                }

                var error = call.Answer.GetProperty("error");
                Assert.True(onCut, $"round {round}: {key}, on a silo the gateway reaches, failed: {error}");
                Assert.Equal(-32000, error.GetProperty("code").GetInt32());
                Assert.StartsWith("no answer in time: a silo the call needs is cut off", error.GetProperty("data").GetString(), StringComparison.Ordinal);
                refusedOnCut++;
            }

            await Task.Delay(500);
        }

        output.WriteLine($"gateway cut from {cutSilo} ({onCutSilo.Count} of {torrents.Count} torrents): {Rounds} rounds, slowest listing {slowestListing.TotalSeconds:0.0} s, slowest torrents.get {slowest.TotalSeconds:0.0} s; calls on its torrents: {answeredOnCut} answered, {refusedOnCut} refused with -32000; calls on the other silos' torrents: {answeredElsewhere} answered");
        Assert.True(slowestListing <= ListingFastEnough, $"a listing took {slowestListing}");
        Assert.True(slowest <= CallFastEnough, $"a call took {slowest}");

        farm.Network.Restore(farm.Node("gateway"), farm.Node(cutSilo));
        var restored = Stopwatch.StartNew();
        await Eventually.Until(async () =>
        {
            var answers = await Task.WhenAll(torrents.Select(t => farm.Gateway.Rpc.CallAsync("torrents.get", new { info_hash = NamespacedCluster.Key(t) })));
            return answers.All(answer => answer.TryGetProperty("result", out _));
        }, TimeSpan.FromSeconds(240), "every torrent to answer once the link is back");
        output.WriteLine($"every torrent answered again {restored.Elapsed.TotalSeconds:0.0} s after the link came back");
    }

    private static async Task<(JsonElement Answer, TimeSpan Took)> TimedAsync(NamespacedCluster farm, string method, object parameters)
    {
        var clock = Stopwatch.StartNew();
        var answer = await farm.Gateway.Rpc.CallAsync(method, parameters);
        return (answer, clock.Elapsed);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
