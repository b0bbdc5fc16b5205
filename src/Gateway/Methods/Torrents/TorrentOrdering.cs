using System.Collections.Frozen;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary>
/// The fields <c>torrents.list</c> sorts by, Porla's set. Ties fall back to the info-hash so that pages of one
/// listing never overlap or skip a torrent.
/// </summary>
internal static class TorrentOrdering
{
    private static readonly FrozenDictionary<string, Comparison<TorrentListItem>> Ascending =
        new Dictionary<string, Comparison<TorrentListItem>>
        {
            ["download_rate"] = (a, b) => a.DownloadRate.CompareTo(b.DownloadRate),
            ["eta"] = (a, b) => CompareUnknownLast(a.Eta, b.Eta),
            ["list_peers"] = (a, b) => a.ListPeers.CompareTo(b.ListPeers),
            ["list_seeds"] = (a, b) => a.ListSeeds.CompareTo(b.ListSeeds),
            ["name"] = (a, b) => string.CompareOrdinal(a.Name, b.Name),
            ["num_peers"] = (a, b) => a.NumPeers.CompareTo(b.NumPeers),
            ["num_seeds"] = (a, b) => a.NumSeeds.CompareTo(b.NumSeeds),
            ["progress"] = (a, b) => a.Progress.CompareTo(b.Progress),
            ["queue_position"] = (a, b) => CompareUnknownLast(a.QueuePosition, b.QueuePosition),
            ["ratio"] = (a, b) => a.Ratio.CompareTo(b.Ratio),
            ["save_path"] = (a, b) => string.CompareOrdinal(a.SavePath, b.SavePath),
            ["size"] = (a, b) => a.Size.CompareTo(b.Size),
            ["total"] = (a, b) => a.Total.CompareTo(b.Total),
            ["total_done"] = (a, b) => a.TotalDone.CompareTo(b.TotalDone),
            ["upload_rate"] = (a, b) => a.UploadRate.CompareTo(b.UploadRate),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IEnumerable<string> Fields => Ascending.Keys;

    public static bool TryGet(string field, bool ascending, out Comparison<TorrentListItem> comparison)
    {
        if (!Ascending.TryGetValue(field, out var byField))
        {
            comparison = null!;
            return false;
        }

        // Porla keeps "unknown" (-1) eta and queue position last in both directions.
        var unknownLast = field is "eta" or "queue_position";
        comparison = (a, b) =>
        {
            var order = ascending || unknownLast && (IsUnknown(field, a) || IsUnknown(field, b)) ? byField(a, b) : byField(b, a);
            return order != 0 ? order : string.CompareOrdinal(a.InfoHash.Canonical, b.InfoHash.Canonical);
        };
        return true;
    }

    private static bool IsUnknown(string field, TorrentListItem item) =>
        field == "eta" ? item.Eta < 0 : item.QueuePosition < 0;

    private static int CompareUnknownLast(long a, long b) => (a < 0, b < 0) switch
    {
        (true, true) => 0,
        (true, false) => 1,
        (false, true) => -1,
        _ => a.CompareTo(b),
    };
}
