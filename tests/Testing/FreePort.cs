using System.Net;
using System.Net.Sockets;

namespace TorrentCluster.Testing;

/// <summary>Free TCP ports on 127.0.0.1, never the same one twice in a test run.</summary>
public static class FreePort
{
    private static readonly HashSet<int> Handed = [];

    public static int Next()
    {
        lock (Handed)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (Handed.Add(port) && UdpIsFree(port))
                {
                    return port;
                }
            }
        }
    }

    /// <summary>
    /// The first of <paramref name="count"/> consecutive ports free for TCP and UDP on 127.0.0.1, for programs that
    /// lay their ports out from one base (deploy/local-cluster.sh). Taken below the kernel's ephemeral range
    /// (32768 and up on Linux), where outgoing connections do not pick ports meanwhile.
    /// </summary>
    public static int Range(int count)
    {
        lock (Handed)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var first = Random.Shared.Next(20_000, 32_000 - count);
                var ports = Enumerable.Range(first, count).ToList();
                if (ports.All(port => !Handed.Contains(port) && TcpIsFree(port) && UdpIsFree(port)))
                {
                    Handed.UnionWith(ports);
                    return first;
                }
            }

            throw new InvalidOperationException($"no {count} consecutive free ports between 20000 and 32000");
        }
    }

    private static bool TcpIsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    // BitTorrent listens on the same port for TCP and UDP (uTP, DHT).
    private static bool UdpIsFree(int port)
    {
        try
        {
            using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
