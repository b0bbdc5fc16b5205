using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TorrentCluster.Testing;

namespace TorrentCluster.Bench.Scale;

/// <summary>
/// Transmission's own RPC (with the X-Transmission-Session-Id handshake) on a transmission-daemon started by the test
/// fixture <see cref="TransmissionPeer"/>: the anchor for <c>torrents.peers.list</c>.
/// </summary>
internal sealed class TransmissionRpc : IAsyncDisposable
{
    private readonly TransmissionPeer _daemon;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private TransmissionRpc(TransmissionPeer daemon)
    {
        _daemon = daemon;
    }

    public Uri Url => _daemon.RpcUrl;

    /// <summary>Where it accepts peer connections (TCP, 127.0.0.1).</summary>
    public int PeerPort => _daemon.PeerPort;

    public string SessionId { get; private set; } = "";

    public static async Task<TransmissionRpc> StartAsync(string root, CancellationToken cancellation)
    {
        var transmission = new TransmissionRpc(await TransmissionPeer.StartAsync(root));
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
