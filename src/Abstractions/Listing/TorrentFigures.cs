using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Abstractions.Listing;

/// <summary>Porla's figures derived from a torrent's status, listed and sorted by alike.</summary>
public static class TorrentFigures
{
    /// <summary>Porla's ETA: seconds left at the current payload rate, -1 when done or stalled.</summary>
    public static long Eta(this TorrentSummary torrent)
    {
        var left = torrent.TotalWanted - torrent.TotalWantedDone;
        return left > 0 && torrent.DownloadPayloadRate > 0 ? left / torrent.DownloadPayloadRate : -1;
    }

    /// <summary>All-time upload over all-time download; 0 before anything was downloaded.</summary>
    public static double Ratio(this TorrentSummary torrent) =>
        torrent.AllTimeDownload > 0 ? (double)torrent.AllTimeUpload / torrent.AllTimeDownload : 0;
}
