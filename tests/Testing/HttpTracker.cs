using System.Net;
using System.Text;

namespace TorrentCluster.Testing;

/// <summary>
/// A minimal BitTorrent HTTP tracker on 127.0.0.1 (BEP 3 announces, BEP 23 compact peer lists), so third-party
/// clients that only find peers through trackers (aria2, Transmission) meet our engine on loopback.
/// </summary>
public sealed class HttpTracker : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, Dictionary<IPEndPoint, DateTime>> _swarms = new(StringComparer.Ordinal);
    private readonly Task _serving;
    private readonly IPAddress _address;

    /// <summary>A tracker on <paramref name="address"/> (127.0.0.1 unless a test network gives another).</summary>
    public HttpTracker(IPAddress? address = null)
    {
        _address = address ?? IPAddress.Loopback;
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://{_address}:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string AnnounceUrl => $"http://{_address}:{Port}/announce";

    /// <summary>How many announces arrived, for tests that check clients found the tracker.</summary>
    public int Announces { get; private set; }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending accept; that is how it stops.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var body = Announce(context.Request.RemoteEndPoint.Address, context.Request.Url?.AbsolutePath, context.Request.Url?.Query ?? string.Empty);
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    private byte[] Announce(IPAddress from, string? path, string query)
    {
        var parameters = ParseQuery(query);
        if (path != "/announce" || !parameters.TryGetValue("info_hash", out var infoHash) || !parameters.TryGetValue("port", out var portText))
        {
            return Encoding.ASCII.GetBytes("d14:failure reason11:bad requeste");
        }

        var peer = new IPEndPoint(from.MapToIPv4(), int.Parse(Encoding.ASCII.GetString(portText), System.Globalization.CultureInfo.InvariantCulture));
        var swarmKey = Convert.ToHexString(infoHash);
        var peers = new List<IPEndPoint>();
        lock (_swarms)
        {
            Announces++;
            if (!_swarms.TryGetValue(swarmKey, out var swarm))
            {
                _swarms[swarmKey] = swarm = [];
            }

            var stopped = parameters.TryGetValue("event", out var e) && Encoding.ASCII.GetString(e) == "stopped";
            if (stopped)
            {
                swarm.Remove(peer);
            }
            else
            {
                swarm[peer] = DateTime.UtcNow;
            }

            peers.AddRange(swarm.Keys.Where(other => !other.Equals(peer)));
        }

        // The peers as seen by the tracker (IPv4): six bytes each, address then port, big-endian.
        var compact = new byte[peers.Count * 6];
        for (var i = 0; i < peers.Count; i++)
        {
            peers[i].Address.GetAddressBytes().CopyTo(compact, i * 6);
            compact[(i * 6) + 4] = (byte)(peers[i].Port >> 8);
            compact[(i * 6) + 5] = (byte)peers[i].Port;
        }

        var head = Encoding.ASCII.GetBytes($"d8:intervali30e12:min intervali5e5:peers{compact.Length}:");
        return [.. head, .. compact, (byte)'e'];
    }

    // info_hash is raw bytes, percent-encoded: decode to bytes, not to text.
    private static Dictionary<string, byte[]> ParseQuery(string query)
    {
        var result = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                result[part[..equals]] = WebUtility.UrlDecodeToBytes(Encoding.ASCII.GetBytes(part[(equals + 1)..]), 0, part.Length - equals - 1);
            }
        }

        return result;
    }
}
