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
    private readonly Dictionary<string, Dictionary<int, DateTime>> _swarms = new(StringComparer.Ordinal);
    private readonly Task _serving;

    public HttpTracker()
    {
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string AnnounceUrl => $"http://127.0.0.1:{Port}/announce";

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

            var body = Announce(context.Request.Url?.AbsolutePath, context.Request.Url?.Query ?? string.Empty);
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    private byte[] Announce(string? path, string query)
    {
        var parameters = ParseQuery(query);
        if (path != "/announce" || !parameters.TryGetValue("info_hash", out var infoHash) || !parameters.TryGetValue("port", out var portText))
        {
            return Encoding.ASCII.GetBytes("d14:failure reason11:bad requeste");
        }

        var port = int.Parse(Encoding.ASCII.GetString(portText), System.Globalization.CultureInfo.InvariantCulture);
        var swarmKey = Convert.ToHexString(infoHash);
        var peers = new List<int>();
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
                swarm.Remove(port);
            }
            else
            {
                swarm[port] = DateTime.UtcNow;
            }

            peers.AddRange(swarm.Keys.Where(other => other != port));
        }

        // Every peer of these tests is on 127.0.0.1: six bytes each, address then port, big-endian.
        var compact = new byte[peers.Count * 6];
        for (var i = 0; i < peers.Count; i++)
        {
            compact[i * 6] = 127;
            compact[(i * 6) + 3] = 1;
            compact[(i * 6) + 4] = (byte)(peers[i] >> 8);
            compact[(i * 6) + 5] = (byte)peers[i];
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
