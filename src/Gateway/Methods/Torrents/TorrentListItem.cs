using System.Text.Json;
using TorrentCluster.Gateway.JsonRpc;
using TorrentCluster.Abstractions.Listing;
using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary>
/// One torrent of <c>torrents.list</c>: every field of Porla's item, plus <c>silo</c>, the silo that hosts it
/// (Porla's <c>session</c> holds the same name, since a silo's engine is our session).
/// </summary>
public sealed record TorrentListItem(
    long ActiveDuration,
    long AllTimeDownload,
    long AllTimeUpload,
    string? Category,
    int DownloadRate,
    TorrentError? Error,
    long Eta,
    long FinishedDuration,
    IReadOnlyList<string> Flags,
    InfoHashPair InfoHash,
    long LastDownload,
    long LastUpload,
    int ListPeers,
    int ListSeeds,
    IReadOnlyDictionary<string, JsonElement> Metadata,
    bool MovingStorage,
    string Name,
    int NumComplete,
    int NumIncomplete,
    int NumPeers,
    int NumSeeds,
    float Progress,
    int QueuePosition,
    double Ratio,
    string SavePath,
    long SeedingDuration,
    string Session,
    string Silo,
    long Size,
    int State,
    IReadOnlyList<string> Tags,
    long Total,
    long TotalDone,
    int UploadRate)
{
    /// <summary>
    /// The item of one torrent, with the metadata keys in <paramref name="includeMetadata"/>: all when null or, as
    /// Porla reads <c>include_metadata</c>, when it is exactly <c>["*"]</c>.
    /// </summary>
    public static TorrentListItem From(TorrentSummary torrent, IReadOnlyList<string>? includeMetadata = null) => new(
        torrent.ActiveDuration,
        torrent.AllTimeDownload,
        torrent.AllTimeUpload,
        torrent.Category,
        torrent.DownloadRate,
        torrent.Error is { Length: > 0 } message ? new TorrentError(message, torrent.ErrorCode) : null,
        torrent.Eta(),
        torrent.FinishedDuration,
        torrent.Flags,
        torrent.InfoHash,
        torrent.LastDownload,
        torrent.LastUpload,
        torrent.ListPeers,
        torrent.ListSeeds,
        RawJson.Parse(torrent.Metadata, includeMetadata is ["*"] ? null : includeMetadata),
        torrent.MovingStorage,
        torrent.Name,
        torrent.NumComplete,
        torrent.NumIncomplete,
        torrent.NumPeers,
        torrent.NumSeeds,
        torrent.Progress,
        torrent.QueuePosition,
        torrent.Ratio(),
        torrent.SavePath,
        torrent.SeedingDuration,
        torrent.Silo,
        torrent.Silo,
        torrent.Size,
        torrent.State,
        torrent.Tags,
        torrent.Total,
        torrent.TotalDone,
        torrent.UploadRate);
}

/// <summary>Porla's error object: libtorrent's error message and value.</summary>
public sealed record TorrentError(string Message, int Value);
