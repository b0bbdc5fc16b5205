using System.Globalization;
using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Host.Tests;

/// <summary>Made-up torrent summaries for listing tests, with deliberately many ties so the info-hash tie-break is exercised.</summary>
internal static class ListingSamples
{
    public static readonly string[] Categories = ["films", "music", "linux"];
    public static readonly string[] Tags = ["a", "b", "c", "d"];
    public static readonly string[] SavePaths = ["/data/0", "/data/1", "/data/2"];

    public static TorrentSummary Torrent(int i) => Torrent(i, $"silo-{i % 2}");

    public static TorrentSummary Torrent(int i, string silo) => new()
    {
        InfoHash = new InfoHashPair(i.ToString("x40", CultureInfo.InvariantCulture), null),
        Name = $"torrent-{i % 5}",
        SavePath = SavePaths[i % 3],
        Silo = silo,
        State = 3,
        Progress = (i % 4) / 4f,
        DownloadRate = i % 3 == 0 ? 0 : 1000 * (i % 5),
        UploadRate = 10 * (i % 3),
        Size = 1024 * (i % 5),
        Total = 1024 * (i % 5),
        TotalDone = 256 * (i % 4),
        NumPeers = i % 3,
        NumSeeds = i % 2,
        ListPeers = i % 5,
        ListSeeds = i % 3,
        QueuePosition = i % 7 == 0 ? -1 : i % 4,
        AllTimeDownload = 100 * (i % 3),
        AllTimeUpload = 50 * (i % 5),
        Category = i % 4 == 3 ? null : Categories[i % 3],
        Tags = [.. Tags.Where((_, t) => (i >> t & 1) == 1)],
    };
}
