using System.Net;

namespace TorrentCluster.Gateway.Http;

/// <summary>The names a browser can only mean this machine by: <c>localhost</c> and loopback addresses, any port.</summary>
public static class LoopbackHosts
{
    public static bool IsLoopbackHost(HostString host)
    {
        if (!host.HasValue)
        {
            return false;
        }

        var name = host.Host;
        if (string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // HostString keeps IPv6 literals in brackets.
        var literal = name.StartsWith('[') && name.EndsWith(']') ? name[1..^1] : name;
        return IPAddress.TryParse(literal, out var address) && IPAddress.IsLoopback(address);
    }
}
