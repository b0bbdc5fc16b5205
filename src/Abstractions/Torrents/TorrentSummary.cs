namespace TorrentCluster.Abstractions.Torrents;

/// <summary>
/// One torrent as <c>torrents.list</c> shows it: libtorrent's status plus what the cluster knows (silo,
/// category, tags). As Porla reports them (libtorrent's torrent_status): <c>DownloadRate</c>/<c>UploadRate</c> are
/// bytes per second, protocol included; <c>Total</c> is the bytes to download (pad files left out) and
/// <c>TotalDone</c> the bytes we have; the ETA reads the wanted bytes and the payload rate. Durations are seconds.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TorrentSummary
{
    [Id(0)] public required InfoHashPair InfoHash { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public int State { get; init; }
    [Id(3)] public float Progress { get; init; }
    [Id(4)] public int DownloadRate { get; init; }
    [Id(5)] public int UploadRate { get; init; }
    [Id(6)] public long Size { get; init; }
    [Id(7)] public int NumPeers { get; init; }
    [Id(8)] public int NumSeeds { get; init; }
    [Id(9)] public required string SavePath { get; init; }
    [Id(10)] public required string Silo { get; init; }
    [Id(11)] public bool Paused { get; init; }
    [Id(12)] public long Total { get; init; }
    [Id(13)] public long TotalDone { get; init; }
    [Id(14)] public long AllTimeDownload { get; init; }
    [Id(15)] public long AllTimeUpload { get; init; }
    [Id(16)] public long ActiveDuration { get; init; }
    [Id(17)] public long FinishedDuration { get; init; }
    [Id(18)] public long SeedingDuration { get; init; }
    [Id(19)] public long LastDownload { get; init; }
    [Id(20)] public long LastUpload { get; init; }
    [Id(21)] public int ListPeers { get; init; }
    [Id(22)] public int ListSeeds { get; init; }
    [Id(23)] public int NumComplete { get; init; }
    [Id(24)] public int NumIncomplete { get; init; }
    [Id(25)] public int QueuePosition { get; init; }
    [Id(26)] public bool MovingStorage { get; init; }
    [Id(27)] public string? Error { get; init; }
    [Id(28)] public int ErrorCode { get; init; }
    [Id(29)] public IReadOnlyList<string> Flags { get; init; } = [];
    [Id(30)] public string? Category { get; init; }
    [Id(31)] public IReadOnlyList<string> Tags { get; init; } = [];
    [Id(32)] public DateTimeOffset AddedAt { get; init; }
    /// <summary>The caller's metadata, values as raw JSON text.</summary>
    [Id(33)] public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
    /// <summary>Bytes of the pieces we want (files of priority 0 left out).</summary>
    [Id(34)] public long TotalWanted { get; init; }
    [Id(35)] public long TotalWantedDone { get; init; }
    /// <summary>Payload bytes per second, protocol left out.</summary>
    [Id(36)] public int DownloadPayloadRate { get; init; }
    /// <summary>
    /// The home silo of a torrent that runs nowhere at the moment (listed from the catalog: its home is dead, or it
    /// is waiting for it); null for a running torrent, whose home is the silo running it.
    /// </summary>
    [Id(37)] public string? HomeSilo { get; init; }
}
