using TorrentCluster.Abstractions.Listing;
using TorrentCluster.Abstractions.Torrents;
using Xunit;

namespace TorrentCluster.Host.Tests;

public sealed class TorrentOrderTests
{
    public static TheoryData<string> Fields() => [.. TorrentOrder.Fields];

    [Theory]
    [MemberData(nameof(Fields))]
    public void Every_field_sorts_both_ways_with_a_total_order(string field)
    {
        var torrents = Enumerable.Range(0, 40).Select(ListingSamples.Torrent).ToList();
        foreach (var descending in new[] { false, true })
        {
            var order = TorrentOrder.Of(field, descending);
            var sorted = torrents.ToList();
            sorted.Sort(order);
            for (var i = 1; i < sorted.Count; i++)
            {
                Assert.True(order(sorted[i - 1], sorted[i]) < 0, $"{field} {(descending ? "desc" : "asc")}: torrents {i - 1} and {i} are not strictly ordered");
            }
        }
    }

    [Theory]
    [InlineData("eta")]
    [InlineData("queue_position")]
    public void Unknown_eta_and_queue_position_stay_last_in_both_directions(string field)
    {
        var torrents = Enumerable.Range(0, 30).Select(ListingSamples.Torrent).ToList();
        Func<TorrentSummary, bool> unknown = field == "eta" ? torrent => torrent.Eta() < 0 : torrent => torrent.QueuePosition < 0;
        Assert.Contains(torrents, torrent => unknown(torrent));
        foreach (var descending in new[] { false, true })
        {
            var sorted = torrents.ToList();
            sorted.Sort(TorrentOrder.Of(field, descending));
            var firstUnknown = sorted.FindIndex(torrent => unknown(torrent));
            Assert.All(sorted.Skip(firstUnknown), torrent => Assert.True(unknown(torrent)));
        }
    }

    [Fact]
    public void An_unknown_field_is_refused()
    {
        Assert.False(TorrentOrder.IsKnown("colour"));
        Assert.Throws<ArgumentException>(() => TorrentOrder.Of("colour", descending: false));
    }
}
