using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary>
/// One peer with exactly the fields of the API page, in its order (alphabetical, as Porla writes them). Not sealed:
/// the fleet views add their tags to it.
/// </summary>
public record PeerItem(
    int BusyRequests,
    string Client,
    int ConnectionType,
    int DownSpeed,
    int DownloadQueueLength,
    long DownloadQueueTime,
    uint Flags,
    PeerEndpoint Ip,
    long LastActive,
    long LastRequest,
    PeerEndpoint LocalEndpoint,
    float Progress,
    int Rtt,
    int Source,
    long TotalDownload,
    long TotalUpload,
    int UpSpeed)
{
    public static PeerItem From(PeerDetails peer) => new(
        peer.BusyRequests,
        peer.Client,
        peer.ConnectionType,
        peer.DownSpeed,
        peer.DownloadQueueLength,
        peer.DownloadQueueTime,
        peer.Flags,
        peer.Ip,
        peer.LastActive,
        peer.LastRequest,
        peer.LocalEndpoint,
        peer.Progress,
        peer.Rtt,
        peer.Source,
        peer.TotalDownload,
        peer.TotalUpload,
        peer.UpSpeed);
}

/// <summary>A peer of the fleet views: the seed's fields, plus the torrent and the silo it belongs to.</summary>
public sealed record TaggedPeerItem : PeerItem
{
    public TaggedPeerItem(PeerDetails peer, InfoHashPair infoHash, string silo)
        : base(From(peer))
    {
        InfoHash = infoHash;
        Silo = silo;
    }

    public InfoHashPair InfoHash { get; }

    public string Silo { get; }
}
