using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Methods.Torrents;
using Xunit;

namespace TorrentCluster.Gateway.Tests;

public sealed class TorrentOrderingTests
{
    public static TheoryData<string> Fields() => [.. TorrentOrdering.Fields];

    [Theory]
    [MemberData(nameof(Fields))]
    public void Every_field_sorts_both_ways_with_a_total_order(string field)
    {
        var items = Enumerable.Range(0, 40).Select(Item).ToList();
        foreach (var ascending in new[] { true, false })
        {
            Assert.True(TorrentOrdering.TryGet(field, ascending, out var comparison));
            var sorted = items.ToList();
            sorted.Sort(comparison);
            for (var i = 1; i < sorted.Count; i++)
            {
                Assert.True(comparison(sorted[i - 1], sorted[i]) < 0, $"{field} {(ascending ? "asc" : "desc")}: items {i - 1} and {i} are not strictly ordered");
            }
        }
    }

    [Fact]
    public void Unknown_eta_stays_last_in_both_directions()
    {
        var items = Enumerable.Range(0, 10).Select(Item).ToList();
        foreach (var ascending in new[] { true, false })
        {
            TorrentOrdering.TryGet("eta", ascending, out var comparison);
            var sorted = items.ToList();
            sorted.Sort(comparison);
            var firstUnknown = sorted.FindIndex(item => item.Eta < 0);
            Assert.All(sorted.Skip(firstUnknown), item => Assert.True(item.Eta < 0));
        }
    }

    [Fact]
    public void An_unknown_field_is_refused()
    {
        Assert.False(TorrentOrdering.TryGet("colour", true, out _));
    }

    // Deliberately many ties (i % 3, i % 5) so the info-hash tie-break is exercised.
    private static TorrentListItem Item(int i) => TorrentListItem.From(new TorrentSummary
    {
        InfoHash = new InfoHashPair(i.ToString("x40", System.Globalization.CultureInfo.InvariantCulture), null),
        Name = $"torrent-{i % 5}",
        SavePath = $"/data/{i % 3}",
        Silo = "silo",
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
    });
}
