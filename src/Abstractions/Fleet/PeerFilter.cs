using System.Net;

namespace TorrentCluster.Abstractions.Fleet;

/// <summary>Which peers match a <see cref="PeerQuery"/>, and their order.</summary>
public static class PeerFilter
{
    // libtorrent's peer_flags_t: set when we opened the connection.
    private const uint OutgoingConnection = 0x20;

    /// <summary>The numeric peer fields peers can be ordered by (the API's names).</summary>
    public static IReadOnlyDictionary<string, Func<FleetPeer, double>> Fields { get; } = new Dictionary<string, Func<FleetPeer, double>>(StringComparer.Ordinal)
    {
        ["busy_requests"] = p => p.Peer.BusyRequests,
        ["connection_type"] = p => p.Peer.ConnectionType,
        ["down_speed"] = p => p.Peer.DownSpeed,
        ["download_queue_length"] = p => p.Peer.DownloadQueueLength,
        ["download_queue_time"] = p => p.Peer.DownloadQueueTime,
        ["flags"] = p => p.Peer.Flags,
        ["last_active"] = p => p.Peer.LastActive,
        ["last_request"] = p => p.Peer.LastRequest,
        ["progress"] = p => p.Peer.Progress,
        ["rtt"] = p => p.Peer.Rtt,
        ["source"] = p => p.Peer.Source,
        ["total_download"] = p => p.Peer.TotalDownload,
        ["total_upload"] = p => p.Peer.TotalUpload,
        ["up_speed"] = p => p.Peer.UpSpeed,
    };

    public static Func<FleetPeer, bool> Matcher(PeerQuery query)
    {
        IPNetwork? network = query.Ip is null ? null : ParseNetwork(query.Ip);
        return peer =>
            (query.ClientContains is null || peer.Peer.Client.Contains(query.ClientContains, StringComparison.OrdinalIgnoreCase))
            && (network is null || (IPAddress.TryParse(peer.Peer.Ip.Address, out var address) && network.Value.Contains(address)))
            && (query.Torrent is null || peer.InfoHash.Canonical == query.Torrent || peer.InfoHash.V2 == query.Torrent)
            && (query.Silo is null || peer.Silo == query.Silo)
            && peer.Peer.DownSpeed >= query.MinDownSpeed
            && peer.Peer.UpSpeed >= query.MinUpSpeed
            && (query.Direction is null || (query.Direction == "outgoing") == ((peer.Peer.Flags & OutgoingConnection) != 0));
    }

    /// <summary>Orders by the query's field; ties by torrent, then address and port, so pages never overlap.</summary>
    public static Comparison<FleetPeer> Order(PeerQuery query)
    {
        var field = Fields[query.OrderBy];
        return (a, b) =>
        {
            var order = field(a).CompareTo(field(b));
            if (query.Descending)
            {
                order = -order;
            }

            if (order == 0)
            {
                order = string.CompareOrdinal(a.InfoHash.Canonical, b.InfoHash.Canonical);
            }

            if (order == 0)
            {
                order = string.CompareOrdinal(a.Peer.Ip.Address, b.Peer.Ip.Address);
            }

            return order != 0 ? order : a.Peer.Ip.Port.CompareTo(b.Peer.Ip.Port);
        };
    }

    /// <summary>An address or CIDR block, or an exception that says what is wrong with it.</summary>
    public static IPNetwork ParseNetwork(string text)
    {
        if (IPNetwork.TryParse(text, out var network))
        {
            return network;
        }

        if (IPAddress.TryParse(text, out var address))
        {
            return new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        }

        throw new ArgumentException($"'{text}' is neither an IP address nor a CIDR block", nameof(text));
    }
}
