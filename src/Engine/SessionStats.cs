namespace TorrentCluster.Engine;

/// <summary>
/// A session's counters since it started (bytes, connections, torrents by state) and the rates over the last
/// status interval, in bytes per second.
/// </summary>
public sealed record SessionStats(
    long BytesReceived,
    long BytesSent,
    long PayloadReceived,
    long PayloadSent,
    long IpOverheadReceived,
    long IpOverheadSent,
    long RedundantBytes,
    long FailedBytes,
    long PeersConnected,
    long PeersHalfOpen,
    long DhtNodes,
    long DiskReadBytes,
    long DiskWriteBytes,
    long CheckingTorrents,
    long DownloadingTorrents,
    long SeedingTorrents,
    long StoppedTorrents,
    long ErrorTorrents,
    long DownloadRate,
    long UploadRate,
    long PayloadDownloadRate,
    long PayloadUploadRate,
    DateTimeOffset Timestamp)
{
    /// <summary>Before the first counters arrive.</summary>
    public static SessionStats Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, DateTimeOffset.MinValue);
}
