using System.Diagnostics;
using System.Text.Json;
using TorrentCluster.Engine;
using TorrentCluster.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TorrentCluster.Network.Tests;

public sealed class GatewayCutTests(ITestOutputHelper output)
{
    private const int SteadyRounds = 6;

    // Until the cut silo's connections die (tcp_retries2=5: about 13 s of unanswered data; keep-alive probes: about
    // 11 s of silence) and the cut silo drops the gateway's client (ClientDropTimeout, 5 s, checked every 5 s),
    // answers may be routed through the cut silo and lost: any call, on any silo's torrent, may then time out. The
    // test keeps calling until a whole round answers as the steady state must, for at most this long, and reports
    // how long it took.
    private static readonly TimeSpan ConvergesWithin = TimeSpan.FromSeconds(60);

    // The gateway's call timeout (5 s) and what a loaded two-core machine adds to it.
    private static readonly TimeSpan CallFastEnough = TimeSpan.FromSeconds(8);

    // The gateway's call deadline (20 s), retries included, and a margin for a loaded two-core machine: a listing cut
    // off by the deadline answered after 21.0 s on the project's machine.
    private static readonly TimeSpan DeadlineKept = TimeSpan.FromSeconds(25);

    [Fact]
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
        var keys = torrents.Select(NamespacedCluster.Key).ToList();
        var cutSilo = torrents.GroupBy(t => t.GetProperty("silo").GetString()!).OrderByDescending(group => group.Count()).First().Key;
        var onCutSilo = torrents.Where(t => t.GetProperty("silo").GetString() == cutSilo).Select(NamespacedCluster.Key).ToHashSet(StringComparer.Ordinal);
        farm.Network.Cut(farm.Node("gateway"), farm.Node(cutSilo));
        var cut = Stopwatch.StartNew();

        // While the cut silo's connections live: every call answers within the deadline, and every failure is the
        // clear -32000.
        var converging = new Tally();
        TimeSpan? converged = null;
        while (converged is null && cut.Elapsed < ConvergesWithin)
        {
            var listing = TimedAsync(farm, "torrents.list", new { page_size = 100 });
            var calls = await Task.WhenAll(keys.Select(async key => (Key: key, Call: await TimedAsync(farm, "torrents.get", new { info_hash = key }))));
            var listed = await listing;
            converging.Count(listed, DeadlineKept, "while the cut settled: torrents.list");
            foreach (var (key, call) in calls)
            {
                converging.Count(call, DeadlineKept, $"while the cut settled: {key}");
            }

            if (ListsAll(listed.Answer, torrents.Count) && calls.All(call => onCutSilo.Contains(call.Key) || call.Call.Answer.TryGetProperty("result", out _)))
            {
                converged = cut.Elapsed;
            }
        }

        Assert.True(converged is not null, $"the rest of the fleet did not answer steadily within {ConvergesWithin.TotalSeconds:0} s of the cut: {converging}");

        // Then: the other silos' torrents answer, the cut silo's fail fast, the listing names every torrent.
        var steady = new Tally();
        for (var round = 0; round < SteadyRounds; round++)
        {
            var listing = await TimedAsync(farm, "torrents.list", new { page_size = 100 });
            steady.Count(listing, CallFastEnough, $"round {round}: torrents.list");
            Assert.True(ListsAll(listing.Answer, torrents.Count), $"round {round}: torrents.list did not list all {torrents.Count} torrents: {listing.Answer}");

            var calls = await Task.WhenAll(keys.Select(async key => (Key: key, Call: await TimedAsync(farm, "torrents.get", new { info_hash = key }))));
            foreach (var (key, call) in calls)
            {
                steady.Count(call, CallFastEnough, $"round {round}: {key}");
                Assert.True(onCutSilo.Contains(key) || call.Answer.TryGetProperty("result", out _), $"round {round}: {key}, on a silo the gateway reaches, failed: {call.Answer}");
            }

            await Task.Delay(500);
        }

        output.WriteLine($"gateway cut from {cutSilo} ({onCutSilo.Count} of {torrents.Count} torrents)");
        output.WriteLine($"until the rest of the fleet answered steadily, {converged.Value.TotalSeconds:0.0} s after the cut: {converging}");
        output.WriteLine($"then {SteadyRounds} rounds: {steady}");

        farm.Network.Restore(farm.Node("gateway"), farm.Node(cutSilo));
        var restored = Stopwatch.StartNew();
        await Eventually.Until(async () =>
        {
            var answers = await Task.WhenAll(keys.Select(key => farm.Gateway.Rpc.CallAsync("torrents.get", new { info_hash = key })));
            return answers.All(answer => answer.TryGetProperty("result", out _));
        }, TimeSpan.FromSeconds(240), "every torrent to answer once the link is back");
        output.WriteLine($"every torrent answered again {restored.Elapsed.TotalSeconds:0.0} s after the link came back");
    }

    private static bool ListsAll(JsonElement answer, int count) =>
        answer.TryGetProperty("result", out var list) && list.GetProperty("torrents_total").GetInt32() == count;

    /// <summary>Answers and refusals of a phase, and its slowest call; fails at once on a slow or unclear answer.</summary>
    private sealed class Tally
    {
        private int _answered;
        private int _refused;
        private TimeSpan _slowest;

        public void Count((JsonElement Answer, TimeSpan Took) call, TimeSpan limit, string what)
        {
            _slowest = call.Took > _slowest ? call.Took : _slowest;
            Assert.True(call.Took <= limit, $"{what}: took {call.Took.TotalSeconds:0.0} s, more than {limit.TotalSeconds:0} s");
            if (call.Answer.TryGetProperty("result", out _))
            {
                _answered++;
                return;
            }

            var error = call.Answer.GetProperty("error");
            Assert.Equal(-32000, error.GetProperty("code").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("data").GetString()), $"{what}: -32000 without a reason: {error}");
            _refused++;
        }

        public override string ToString() => $"{_answered} calls answered, {_refused} refused with -32000, slowest {_slowest.TotalSeconds:0.0} s";
    }

    private static async Task<(JsonElement Answer, TimeSpan Took)> TimedAsync(NamespacedCluster farm, string method, object parameters)
    {
        var clock = Stopwatch.StartNew();
        var answer = await farm.Gateway.Rpc.CallAsync(method, parameters);
        return (answer, clock.Elapsed);
    }

}
