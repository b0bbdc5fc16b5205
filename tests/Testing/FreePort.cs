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
