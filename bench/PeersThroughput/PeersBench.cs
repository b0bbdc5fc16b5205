using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using TorrentCluster.Engine;
using TorrentCluster.Testing;

namespace TorrentCluster.Bench.PeersThroughput;

/// <summary>
/// One seeder (a bare engine in this process, each torrent throttled to 16 KiB/s so the transfer, and with it
/// the peer connection, outlasts the run) seeds two files: one to the embedded host (auth on, added by
/// <c>torrents.add</c>, the seeder named by <c>torrents.peers.add</c>), one to Transmission (the seeder dials it:
/// Transmission never dials tracker peers on 127.0.0.0/8). Then wrk asks each for that torrent's peers: <c>torrents.peers.list</c> with a bearer token,
/// and <c>torrent-get</c> with the <c>peers</c> field.
/// </summary>
internal sealed class PeersBench(WrkOptions wrk, int rounds)
{
    private const string Username = "admin";
    private const string Password = "a passphrase long enough";

    public async Task RunAsync()
    {
        using var root = new TempDirectory();
        using var seeder = new LoopbackSeeder(uploadRateLimit: 16 * 1024);
        var (oursTorrent, _) = seeder.Seed("ours.bin", 64L * 1024 * 1024, seed: 3, TorrentVersion.V1);
        var (theirsTorrent, _) = seeder.Seed("theirs.bin", 64L * 1024 * 1024, seed: 4, TorrentVersion.V1);

        await using var host = await HostProcess.StartEmbeddedAsync(Path.Combine(root.Path, "host"), new Dictionary<string, string>
        {
            ["TorrentCluster__Auth__Enabled"] = "true",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        host.Rpc.Token = await ClusterApi.InitAndLoginAsync(host.BaseUri, Username, Password);
        var added = await host.Rpc.ResultAsync("torrents.add", new { ti = Convert.ToBase64String(oursTorrent) });
        var infoHash = added.GetProperty("info_hash");
        await host.Rpc.ResultAsync("torrents.peers.add", new { info_hash = infoHash, peers = new object[] { new object[] { "127.0.0.1", seeder.Port } } });
        var oursBody = JsonSerializer.Serialize(new { jsonrpc = "2.0", id = 1, method = "torrents.peers.list", @params = new { info_hash = infoHash } });
        await Eventually.Until(async () => (await host.Rpc.ResultAsync("torrents.peers.list", new { info_hash = infoHash })).GetProperty("peers").GetArrayLength() == 1,
            TimeSpan.FromSeconds(30), "the host's torrent to have its one peer");

        await using var transmission = await TransmissionPeer.StartAsync(root.Path);
        var theirsPath = Path.Combine(root.Path, "theirs.torrent");
        await File.WriteAllBytesAsync(theirsPath, theirsTorrent);
        await transmission.AddAsync(theirsPath);
        using (var seeding = seeder.Engine.Find(TorrentMetadata.Parse(theirsTorrent).InfoHashes.Canonical)!)
        {
            seeding.ConnectPeer(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, transmission.PeerPort));
        }

        var transmissionUrl = new Uri($"http://127.0.0.1:{transmission.RpcPort.ToString(CultureInfo.InvariantCulture)}/transmission/rpc");
        const string TheirsBody = """{"method":"torrent-get","arguments":{"ids":[1],"fields":["peers"]}}""";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var sessionId = await TransmissionSessionIdAsync(http, transmissionUrl);
        await Eventually.Until(async () => await TransmissionPeerCountAsync(http, transmissionUrl, sessionId, TheirsBody) == 1,
            TimeSpan.FromSeconds(60), "Transmission's torrent to have its one peer");

        var oursUrl = new Uri(host.BaseUri, "api/v1/jsonrpc");
        var oursHeaders = new Dictionary<string, string> { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " + host.Rpc.Token };
        var theirsHeaders = new Dictionary<string, string> { ["Content-Type"] = "application/json", ["X-Transmission-Session-Id"] = sessionId };
        // Not counted: a few seconds of the same load first, so that neither side is measured while its code is
        // still being compiled (the first seconds of a .NET process run unoptimized code).
        var warmUp = wrk with { Seconds = 3 };
        await WrkRun.RunAsync(warmUp, oursUrl, oursBody, oursHeaders, root.Path);
        await WrkRun.RunAsync(warmUp, transmissionUrl, TheirsBody, theirsHeaders, root.Path);
        var ours = new List<WrkRun>();
        var theirs = new List<WrkRun>();
        for (var round = 1; round <= rounds; round++)
        {
            ours.Add(Report("TorrentCluster torrents.peers.list (auth on)", await WrkRun.RunAsync(wrk, oursUrl, oursBody, oursHeaders, root.Path)));
            theirs.Add(Report("Transmission torrent-get peers", await WrkRun.RunAsync(wrk, transmissionUrl, TheirsBody, theirsHeaders, root.Path)));
        }

        // Still one peer each after the load: the rates were of real answers, not of empty lists or errors.
        var peersAfter = (await host.Rpc.ResultAsync("torrents.peers.list", new { info_hash = infoHash })).GetProperty("peers").GetArrayLength();
        var transmissionPeersAfter = await TransmissionPeerCountAsync(http, transmissionUrl, sessionId, TheirsBody);
        var oursMedian = Median(ours);
        var theirsMedian = Median(theirs);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            bench = "peers",
            threads = wrk.Threads,
            connections = wrk.Connections,
            seconds = wrk.Seconds,
            rounds,
            ours_rps = Math.Round(oursMedian.RequestsPerSecond),
            ours_p99_ms = Math.Round(oursMedian.P99Milliseconds, 2),
            ours_errors = ours.Sum(run => run.Non2xx + run.SocketErrors),
            ours_peers = peersAfter,
            transmission_rps = Math.Round(theirsMedian.RequestsPerSecond),
            transmission_p99_ms = Math.Round(theirsMedian.P99Milliseconds, 2),
            transmission_errors = theirs.Sum(run => run.Non2xx + run.SocketErrors),
            transmission_peers = transmissionPeersAfter,
            ratio = Math.Round(oursMedian.RequestsPerSecond / theirsMedian.RequestsPerSecond, 3),
        }));
    }

    private static WrkRun Report(string name, WrkRun run)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {run.RequestsPerSecond:0} req/s, p99 {run.P99Milliseconds:0.00} ms, {run.Requests} requests, {run.Non2xx} non-2xx, {run.SocketErrors} socket errors"));
        return run;
    }

    private static WrkRun Median(List<WrkRun> runs) => runs.OrderBy(run => run.RequestsPerSecond).ElementAt(runs.Count / 2);

    // Transmission answers a call without its CSRF header with 409 and the header to use.
    private static async Task<string> TransmissionSessionIdAsync(HttpClient http, Uri url)
    {
        using var probe = await http.PostAsync(url, new StringContent("{}"));
        return probe.Headers.TryGetValues("X-Transmission-Session-Id", out var values)
            ? values.First()
            : throw new InvalidOperationException($"Transmission answered {(int)probe.StatusCode} without a session id");
    }

    private static async Task<int> TransmissionPeerCountAsync(HttpClient http, Uri url, string sessionId, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body) };
        request.Headers.Add("X-Transmission-Session-Id", sessionId);
        using var response = await http.SendAsync(request);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var torrents = answer.GetProperty("arguments").GetProperty("torrents");
        return torrents.GetArrayLength() == 1 ? torrents[0].GetProperty("peers").GetArrayLength() : 0;
    }
}
