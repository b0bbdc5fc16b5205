using System.Net;
using TorrentCluster.Gateway.Http;

namespace TorrentCluster.Gateway.Auth;

/// <summary>Who is asking, as far as auth's defences care: the address to rate-limit, and whether it is this machine.</summary>
public sealed record AuthClient(string AddressKey, bool IsLoopback)
{
    public static AuthClient From(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        return new AuthClient(KeyOf(address), IsLocal(context.Request, address));
    }

    // A proxy in front of us makes every client look local: a forwarded request, or one naming another host,
    // counts as remote. Forwarded addresses are never trusted for anything else (they are the client's to write).
    private static bool IsLocal(HttpRequest request, IPAddress? address) =>
        address is not null
        && IPAddress.IsLoopback(address)
        && !request.Headers.ContainsKey("Forwarded")
        && !request.Headers.ContainsKey("X-Forwarded-For")
        && LoopbackHosts.IsLoopbackHost(request.Host);

    // One IPv6 client usually holds a whole /64: limiting single addresses would give it 2^64 budgets.
    private static string KeyOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
