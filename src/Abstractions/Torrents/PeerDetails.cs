namespace TorrentCluster.Abstractions.Torrents;

/// <summary>
/// One connected peer of a torrent, with libtorrent's <c>peer_info</c> meanings (the API page of
/// <c>torrents.peers.list</c> documents each field). Durations are whole seconds.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PeerDetails
{
    [Id(0)] public required string Client { get; init; }
    [Id(1)] public required PeerEndpoint Ip { get; init; }
    [Id(2)] public required PeerEndpoint LocalEndpoint { get; init; }
    [Id(3)] public int BusyRequests { get; init; }
    [Id(4)] public int ConnectionType { get; init; }
    [Id(5)] public int DownSpeed { get; init; }
    [Id(6)] public int UpSpeed { get; init; }
    [Id(7)] public int DownloadQueueLength { get; init; }
    [Id(8)] public long DownloadQueueTime { get; init; }
    [Id(9)] public uint Flags { get; init; }
    [Id(10)] public long LastActive { get; init; }
    [Id(11)] public long LastRequest { get; init; }
    [Id(12)] public float Progress { get; init; }
    [Id(13)] public int Rtt { get; init; }
    [Id(14)] public int Source { get; init; }
    [Id(15)] public long TotalDownload { get; init; }
    [Id(16)] public long TotalUpload { get; init; }
    [Id(17)] public int PayloadDownSpeed { get; init; }
    [Id(18)] public int PayloadUpSpeed { get; init; }
}
