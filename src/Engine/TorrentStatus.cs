namespace TorrentCluster.Engine;

/// <summary>
/// A torrent's status with libtorrent's meanings: sizes and totals in bytes, rates in bytes per second, durations
/// in seconds; <c>LastDownloadSeconds</c>/<c>LastUploadSeconds</c> are -1 when it never happened.
/// <c>TorrentFlags</c> holds libtorrent's torrent flags as bits; <see cref="TorrentFlagNames"/> names them.
/// </summary>
public sealed record TorrentStatus(
    InfoHashes InfoHashes,
    string Name,
    string SavePath,
    string? Error,
    string? ErrorFile,
    long TotalSize,
    long TotalWanted,
    long TotalDone,
    long TotalWantedDone,
    long Total,
    long TotalDownload,
    long TotalUpload,
    long TotalPayloadDownload,
    long TotalPayloadUpload,
    long AllTimeDownload,
    long AllTimeUpload,
    DateTimeOffset AddedTime,
    DateTimeOffset? CompletedTime,
    long LastDownloadSeconds,
    long LastUploadSeconds,
    long ActiveDurationSeconds,
    long FinishedDurationSeconds,
    long SeedingDurationSeconds,
    float Progress,
    TorrentState State,
    TorrentStatusFlags Flags,
    int DownloadRate,
    int UploadRate,
    int DownloadPayloadRate,
    int UploadPayloadRate,
    int NumPeers,
    int NumSeeds,
    int NumComplete,
    int NumIncomplete,
    int ListPeers,
    int ListSeeds,
    int Connections,
    int QueuePosition,
    int NumPieces,
    int TorrentPieces,
    int PieceLength,
    int ErrorCode,
    ulong TorrentFlags)
{
    /// <summary>Paused, by the user or the cluster.</summary>
    public bool IsPaused => Flags.HasFlag(TorrentStatusFlags.Paused);

    /// <summary>Has every piece.</summary>
    public bool IsSeeding => Flags.HasFlag(TorrentStatusFlags.IsSeeding);

    /// <summary>Knows its files (always, except a magnet link still fetching metadata).</summary>
    public bool HasMetadata => Flags.HasFlag(TorrentStatusFlags.HasMetadata);
}
