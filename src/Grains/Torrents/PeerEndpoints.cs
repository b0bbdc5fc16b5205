using System.Diagnostics.CodeAnalysis;
using System.Net;
using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Grains.Torrents;

/// <summary>Peer endpoints from the wire, checked.</summary>
internal static class PeerEndpoints
{
    /// <summary>The endpoint, or false for an address that is not an IP address or a port outside 1-65535.</summary>
    public static bool TryParse(PeerEndpoint peer, [NotNullWhen(true)] out IPEndPoint? endpoint)
    {
        endpoint = IPAddress.TryParse(peer.Address, out var address) && peer.Port is >= 1 and <= 65535
            ? new IPEndPoint(address, peer.Port)
            : null;
        return endpoint is not null;
    }
}
