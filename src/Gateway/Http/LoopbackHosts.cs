using System.Net;

namespace TorrentCluster.Gateway.Http;

/// <summary>The names a browser can only mean this machine by: <c>localhost</c> and loopback addresses, any port.</summary>
public static class LoopbackHosts
{
    public static bool IsLoopbackHost(HostString host) => host.HasValue && IsLoopbackName(host.Host);

    /// <summary><c>localhost</c> or a loopback address, IPv6 literals with or without their brackets.</summary>
    public static bool IsLoopbackName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var literal = name.StartsWith('[') && name.EndsWith(']') ? name[1..^1] : name;
        return IPAddress.TryParse(literal, out var address) && IPAddress.IsLoopback(address);
    }
}
