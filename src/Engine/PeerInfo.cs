using System.Net;

namespace TorrentCluster.Engine;

/// <summary>
/// A connected peer with libtorrent's <c>peer_info</c> meanings: <see cref="Flags"/> are <c>peer_flags_t</c> bits,
/// <see cref="Source"/> <c>peer_source_flags_t</c> bits, <see cref="ConnectionType"/> <c>connection_type_t</c>
/// (1 BitTorrent, 2 web seed, 4 HTTP seed); durations in seconds, speeds in bytes per second, RTT in milliseconds.
/// </summary>
public sealed record PeerInfo(
    string Client,
    IPEndPoint Endpoint,
    IPEndPoint LocalEndpoint,
    long TotalDownload,
    long TotalUpload,
    long LastRequestSeconds,
    long LastActiveSeconds,
    long DownloadQueueTimeSeconds,
    float Progress,
    uint Flags,
    int Source,
    int ConnectionType,
    int UpSpeed,
    int DownSpeed,
    int PayloadUpSpeed,
    int PayloadDownSpeed,
    int BusyRequests,
    int DownloadQueueLength,
    int UploadQueueLength,
    int Rtt,
    int NumPieces,
    int NumHashfails,
    int Failcount);
