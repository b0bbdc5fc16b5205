using System.Net;
using TorrentCluster.Abstractions.Errors;
using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Grains.Torrents;

/// <summary>Peer endpoints from the wire, checked.</summary>
internal static class PeerEndpoints
{
    public static IPEndPoint Parse(PeerEndpoint peer)
    {
        if (!IPAddress.TryParse(peer.Address, out var address))
        {
            throw new TorrentClusterException(ClusterErrorCode.InvalidArgument, $"'{peer.Address}' is not an IP address");
        }

        if (peer.Port is < 1 or > 65535)
        {
            throw new TorrentClusterException(ClusterErrorCode.InvalidArgument, $"{peer.Port} is not a port (1-65535)");
        }

        return new IPEndPoint(address, peer.Port);
    }
}
