using System.Text.Json;
using System.Text.Json.Nodes;
using TorrentCluster.Testing;

namespace TorrentCluster.Bench.Scale;

/// <summary>
/// <c>torrents.peers.list</c> for one torrent with one live peer, with authentication on and a real token as
/// operators run it, against Transmission's <c>torrent-get</c> peers for one torrent with one live peer: wrk -t2
/// -c64 for the same time on each, one after the other. The peer is a bare libtorrent seeder throttled to 16 KiB/s,
/// so the connection stays up and busy for the whole measurement. Each side first gets a few uncounted seconds of the
/// same load, so that neither is measured while its code is still being compiled (the first seconds of a .NET process
/// run unoptimized code).
/// </summary>
internal sealed class PeersRow(ScaleOptions options, ScaleResults results, string workFolder)
{
    private const int PayloadBytes = 16 << 20;
    private const int TrickleBytesPerSecond = 16 * 1024;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public async Task RunAsync(CancellationToken cancellation)
    {
        var root = Path.Combine(workFolder, "peers");
        Directory.CreateDirectory(root);
        var ours = PayloadTorrent(root, "ours", seed: 11);
        var theirs = PayloadTorrent(root, "transmission", seed: 12);
        WrkResult oursResult;
        var (seeder, seederPort) = await BareLibtorrent.SeedAsync([ours.Pair], TrickleBytesPerSecond, connectTo: 0, cancellation);
        await using (seeder)
        {
            oursResult = await MeasureOursAsync(root, ours.Torrent, seederPort, cancellation);
        }

        var theirsResult = await MeasureTransmissionAsync(root, theirs.Torrent, theirs.Pair, cancellation);
        results.Raw["peers_list"] = new JsonObject
        {
            ["ours"] = JsonSerializer.SerializeToNode(oursResult),
            ["transmission"] = JsonSerializer.SerializeToNode(theirsResult),
            ["wrk"] = $"-t2 -c64 -d{(int)options.WrkDuration.TotalSeconds}s",
            ["warm_up_seconds"] = (int)WarmUp.TotalSeconds,
        };
        results.Add(new Figure(
            $"`torrents.peers.list`, one torrent with one live peer, wrk -t2 -c64 {(int)options.WrkDuration.TotalSeconds} s, with a token, after an uncounted {(int)WarmUp.TotalSeconds} s warm-up",
            $"{Format.N0(oursResult.RequestsPerSecond)} req/s, p99 {Format.Ms(oursResult.P99Milliseconds)}{EmptyAnswers(oursResult)}",
            $"Transmission `torrent-get` peers: {Format.N0(theirsResult.RequestsPerSecond)} req/s, p99 {Format.Ms(theirsResult.P99Milliseconds)}{EmptyAnswers(theirsResult)}",
            "at least Transmission's rate, p99 under 5 ms",
            oursResult.RequestsPerSecond >= theirsResult.RequestsPerSecond && oursResult.P99Milliseconds < 5));
    }

    private async Task<WrkResult> MeasureOursAsync(string root, GeneratedTorrent torrent, int seederPort, CancellationToken cancellation)
    {
        Console.WriteLine("[peers] TorrentCluster with auth on: log in, add the torrent, wait for its peer, wrk");
        var (host, _) = await ProductHost.StartAsync(Path.Combine(root, "host"), auth: true, cancellation);
        await using (host)
        {
            host.Rpc.Token = await ClusterApi.InitAndLoginAsync(host.BaseUri, "bench", "bench-scale-password-1");
            await host.Rpc.CallAsync("torrents.add", new { ti = Convert.ToBase64String(torrent.File) }, cancellation);
            await host.Rpc.CallAsync("torrents.peers.add", new { info_hash = new[] { torrent.InfoHash, null }, peers = new[] { new object[] { "127.0.0.1", seederPort } } }, cancellation);
            var parameters = new { info_hash = new[] { torrent.InfoHash, null } };
            async Task<int> PeersAsync() => (await host.Rpc.CallAsync("torrents.peers.list", parameters, cancellation)).GetProperty("peers").GetArrayLength();
            await Bounded.UntilAsync(async () => await PeersAsync() >= 1, TimeSpan.FromSeconds(60), "our torrent to show its one peer", cancellation, intervalMs: 250);
            var body = JsonSerializer.Serialize(new { jsonrpc = "2.0", id = 1, method = "torrents.peers.list", @params = parameters });
            var headers = new Dictionary<string, string> { ["Content-Type"] = "application/json", ["Authorization"] = $"Bearer {host.Rpc.Token}" };
            Check(await Wrk.PostAsync(host.Rpc.Endpoint, body, headers, Path.Combine(root, "ours-warm-up.lua"), WarmUp, cancellation), "torrents.peers.list (warm-up)");
            var result = await Wrk.PostAsync(host.Rpc.Endpoint, body, headers, Path.Combine(root, "ours.lua"), options.WrkDuration, cancellation);
            Check(result, "torrents.peers.list");
            await Bounded.UntilAsync(async () => await PeersAsync() >= 1, TimeSpan.FromSeconds(30), "our torrent to still have its peer after wrk", cancellation, intervalMs: 250);
            return result;
        }
    }

    // Transmission takes no peer address by RPC and finds peers through trackers, DHT or PEX only: the seeder
    // connects to it instead.
    private async Task<WrkResult> MeasureTransmissionAsync(string root, GeneratedTorrent torrent, (string, string) seeded, CancellationToken cancellation)
    {
        Console.WriteLine("[peers] Transmission: add the torrent, a seeder connects to it, wrk");
        await using var transmission = await TransmissionRpc.StartAsync(Path.Combine(root, "transmission"), cancellation);
        var added = await transmission.CallAsync("torrent-add", new { metainfo = Convert.ToBase64String(torrent.File) }, cancellation);
        var (seeder, _) = await BareLibtorrent.SeedAsync([seeded], TrickleBytesPerSecond, transmission.PeerPort, cancellation);
        await using var stopSeeder = seeder;
        var id = added.GetProperty("torrent-added").GetProperty("id").GetInt32();
        var parameters = new { ids = new[] { id }, fields = new[] { "peers" } };
        async Task<int> PeersAsync() => (await transmission.CallAsync("torrent-get", parameters, cancellation))
            .GetProperty("torrents")[0].GetProperty("peers").GetArrayLength();
        await Bounded.UntilAsync(async () => await PeersAsync() >= 1, TimeSpan.FromSeconds(90), "Transmission's torrent to show its one peer", cancellation, intervalMs: 500);
        var body = JsonSerializer.Serialize(new { method = "torrent-get", arguments = parameters });
        var headers = new Dictionary<string, string> { ["Content-Type"] = "application/json", ["X-Transmission-Session-Id"] = transmission.SessionId };
        Check(await Wrk.PostAsync(transmission.Url, body, headers, Path.Combine(root, "transmission-warm-up.lua"), WarmUp, cancellation), "torrent-get (warm-up)");
        var result = await Wrk.PostAsync(transmission.Url, body, headers, Path.Combine(root, "transmission.lua"), options.WrkDuration, cancellation);
        Check(result, "torrent-get");
        await Bounded.UntilAsync(async () => await PeersAsync() >= 1, TimeSpan.FromSeconds(30), "Transmission's torrent to still have its peer after wrk", cancellation, intervalMs: 250);
        return result;
    }

    // A rate over failed answers would not be the figure asked for. An answer with an empty list is a valid answer
    // (the peer snapshot between a disconnect and a reconnect): counted and shown beside the rate.
    private static void Check(WrkResult result, string method)
    {
        if (result.Non2xx > 0 || result.Errors > 0 || result.Requests == 0)
        {
            throw new BenchStepException(
                $"{method} under wrk: of {result.Requests} answers {result.Non2xx} were not 2xx and {result.Errors} were errors, e.g. {result.FirstError}");
        }
    }

    private static string EmptyAnswers(WrkResult result) =>
        result.WithoutPeers == 0 ? "" : $" ({Format.N0(result.WithoutPeers)} of {Format.N0(result.Requests)} answers listed no peer)";

    private static (GeneratedTorrent Torrent, (string, string) Pair) PayloadTorrent(string root, string name, int seed)
    {
        var data = Path.Combine(root, $"seed-{name}");
        Directory.CreateDirectory(data);
        var file = Path.Combine(data, $"peers-{name}.bin");
        TorrentFactory.WriteRandomFile(file, PayloadBytes, seed);
        var torrent = TorrentFactory.OfFile(file, 256 * 1024);
        var torrentPath = Path.Combine(root, $"{name}.torrent");
        File.WriteAllBytes(torrentPath, torrent.File);
        return (torrent, (torrentPath, data));
    }
}
