using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TorrentCluster.Testing;

namespace TorrentCluster.Bench.Scale;

/// <summary>
/// transmission-daemon in the foreground, RPC and peers on 127.0.0.1 only, no DHT, LPD, uTP or port mapping; driven
/// through its own RPC (with the X-Transmission-Session-Id handshake), the anchor for <c>torrents.peers.list</c>.
/// </summary>
internal sealed class TransmissionRpc : IAsyncDisposable
{
    private readonly ExternalProcess _daemon;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private TransmissionRpc(ExternalProcess daemon, Uri url, int peerPort)
    {
        _daemon = daemon;
        Url = url;
        PeerPort = peerPort;
    }

    public Uri Url { get; }

    /// <summary>Where it accepts peer connections (TCP, 127.0.0.1).</summary>
    public int PeerPort { get; }

    public string SessionId { get; private set; } = "";

    public static async Task<TransmissionRpc> StartAsync(string root, CancellationToken cancellation)
    {
        var config = Path.Combine(root, "config");
        var downloads = Path.Combine(root, "downloads");
        Directory.CreateDirectory(config);
        Directory.CreateDirectory(downloads);
        var rpcPort = FreePort.Next();
        var peerPort = FreePort.Next();
        var daemon = ExternalProcess.Start(
            "transmission-daemon",
            ["-f", "-g", config, "-p", Format.Text(rpcPort), "-r", "127.0.0.1", "-P", Format.Text(peerPort), "-i", "127.0.0.1",
             "-w", downloads, "-T", "-a", "127.0.0.1", "-O", "-Y", "--no-utp", "-M", "--no-incomplete-dir", "--log-error"],
            package: "transmission-daemon");
        var transmission = new TransmissionRpc(daemon, new Uri($"http://127.0.0.1:{Format.Text(rpcPort)}/transmission/rpc"), peerPort);
        try
        {
            await Bounded.UntilAsync(async () => (await transmission.CallAsync("session-get", new { }, cancellation)).ValueKind == JsonValueKind.Object,
                TimeSpan.FromSeconds(30), "transmission-daemon to answer", cancellation, intervalMs: 250);
        }
        catch
        {
            await transmission.DisposeAsync();
            throw;
        }

        return transmission;
    }

    /// <summary>The <c>arguments</c> of a call that must succeed.</summary>
    public async Task<JsonElement> CallAsync(string method, object arguments, CancellationToken cancellation)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = JsonContent.Create(new { method, arguments }) };
            request.Headers.Add("X-Transmission-Session-Id", SessionId);
            using var response = await _http.SendAsync(request, cancellation);
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                // Transmission's CSRF guard: the first answer hands out the session id to send.
                SessionId = response.Headers.GetValues("X-Transmission-Session-Id").First();
                continue;
            }

            response.EnsureSuccessStatusCode();
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>(cancellation);
            return answer.GetProperty("result").GetString() == "success"
                ? answer.GetProperty("arguments").Clone()
                : throw new BenchStepException($"transmission {method} failed: {answer}");
        }

        throw new BenchStepException($"transmission {method}: no session id after the handshake");
    }

    public async ValueTask DisposeAsync()
    {
        await _daemon.DisposeAsync();
        _http.Dispose();
    }
}
