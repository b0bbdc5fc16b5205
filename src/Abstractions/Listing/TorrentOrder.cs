using System.Collections.Frozen;
using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Abstractions.Listing;

/// <summary>
/// The fields <c>torrents.list</c> sorts by, Porla's set, and the one order every silo and the gateway's merge
/// agree on. Ties fall back to the info-hash, so the order is total: pages of one listing never overlap or skip
/// a torrent, and a merge of the silos' first torrents equals a sort of all of them.
/// </summary>
public static class TorrentOrder
{
    /// <summary>Porla's default order.</summary>
    public const string DefaultField = "queue_position";

    private static readonly FrozenDictionary<string, Comparison<TorrentSummary>> Ascending =
        new Dictionary<string, Comparison<TorrentSummary>>
        {
            ["download_rate"] = (a, b) => a.DownloadRate.CompareTo(b.DownloadRate),
            ["eta"] = (a, b) => CompareUnknownLast(a.Eta(), b.Eta()),
            ["list_peers"] = (a, b) => a.ListPeers.CompareTo(b.ListPeers),
            ["list_seeds"] = (a, b) => a.ListSeeds.CompareTo(b.ListSeeds),
            ["name"] = (a, b) => string.CompareOrdinal(a.Name, b.Name),
            ["num_peers"] = (a, b) => a.NumPeers.CompareTo(b.NumPeers),
            ["num_seeds"] = (a, b) => a.NumSeeds.CompareTo(b.NumSeeds),
            ["progress"] = (a, b) => a.Progress.CompareTo(b.Progress),
            ["queue_position"] = (a, b) => CompareUnknownLast(a.QueuePosition, b.QueuePosition),
            ["ratio"] = (a, b) => a.Ratio().CompareTo(b.Ratio()),
            ["save_path"] = (a, b) => string.CompareOrdinal(a.SavePath, b.SavePath),
            ["size"] = (a, b) => a.Size.CompareTo(b.Size),
            ["total"] = (a, b) => a.Total.CompareTo(b.Total),
            ["total_done"] = (a, b) => a.TotalDone.CompareTo(b.TotalDone),
            ["upload_rate"] = (a, b) => a.UploadRate.CompareTo(b.UploadRate),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The API names of the fields a listing can be ordered by.</summary>
    public static IEnumerable<string> Fields => Ascending.Keys;

    /// <summary>True when <paramref name="field"/> is one of <see cref="Fields"/>.</summary>
    public static bool IsKnown(string field) => Ascending.ContainsKey(field);

    /// <summary>The order of a query: its field in its direction, unknown eta and queue position last, then the info-hash.</summary>
    /// <exception cref="ArgumentException">The field is not one of <see cref="Fields"/>.</exception>
    public static Comparison<TorrentSummary> Of(TorrentQuery query) => Of(query.OrderBy, query.Descending);

    /// <inheritdoc cref="Of(TorrentQuery)"/>
    public static Comparison<TorrentSummary> Of(string field, bool descending)
    {
        if (!Ascending.TryGetValue(field, out var byField))
        {
            throw new ArgumentException($"cannot sort by '{field}'", nameof(field));
        }

        // Porla keeps "unknown" (-1) eta and queue position last in both directions.
        Func<TorrentSummary, bool>? unknown = field switch
        {
            "eta" => torrent => torrent.Eta() < 0,
            "queue_position" => torrent => torrent.QueuePosition < 0,
            _ => null,
        };
        return (a, b) =>
        {
            var order = !descending || unknown is not null && (unknown(a) || unknown(b)) ? byField(a, b) : byField(b, a);
            return order != 0 ? order : string.CompareOrdinal(a.InfoHash.Canonical, b.InfoHash.Canonical);
        };
    }

    private static int CompareUnknownLast(long a, long b) => (a < 0, b < 0) switch
    {
        (true, true) => 0,
        (true, false) => 1,
        (false, true) => -1,
        _ => a.CompareTo(b),
    };
}
