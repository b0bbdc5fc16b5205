using TorrentCluster.Abstractions.Listing;
using TorrentCluster.Abstractions.Torrents;
using Xunit;

namespace TorrentCluster.Host.Tests;

/// <summary>
/// Each silo's first torrents, merged, make the same page as sorting every torrent of the fleet: for random
/// fleets, spreads over silos, orders, directions, filters and pages.
/// </summary>
public sealed class TorrentSelectionTests
{
    private const int Cases = 400;

    [Fact]
    public void Merging_each_silos_first_torrents_gives_the_page_a_sort_of_all_torrents_gives()
    {
        var random = new Random(13);
        var fields = TorrentOrder.Fields.ToArray();
        for (var run = 0; run < Cases; run++)
        {
            var silos = random.Next(1, 5);
            var fleet = Enumerable.Range(0, random.Next(0, 300)).Select(i => ListingSamples.Torrent(random.Next(0, 1_000_000) * 8 + i % 8, $"silo-{random.Next(silos)}"))
                .DistinctBy(torrent => torrent.InfoHash.Canonical)
                .ToList();
            var pageSize = random.Next(1, 40);
            var page = random.Next(0, 6);
            var query = new TorrentQuery
            {
                Filters = RandomFilters(random, silos),
                OrderBy = fields[random.Next(fields.Length)],
                Descending = random.Next(2) == 1,
                Take = (page + 1) * pageSize,
            };

            // A silo answers by selection, or from a view already sorted in the query's order: the same answer.
            var answers = Enumerable.Range(0, silos)
                .Select(silo => Answer([.. fleet.Where(torrent => torrent.Silo == $"silo-{silo}")], query, fromSorted: random.Next(2) == 1))
                .ToList();
            var merged = TorrentSelection.Merge(answers, query);

            var expected = fleet.Where(torrent => query.Matches(torrent, DateTimeOffset.UtcNow)).ToList();
            expected.Sort(TorrentOrder.Of(query));
            var because = $"run {run}: {silos} silos, {fleet.Count} torrents, order {query.OrderBy} {(query.Descending ? "desc" : "asc")}, filters [{string.Join(", ", query.Filters)}], page {page} of {pageSize}";
            Assert.True(expected.Count == merged.Matched, $"{because}: matched {merged.Matched}, expected {expected.Count}");
            Assert.True(fleet.Count == merged.Total, $"{because}: total {merged.Total}, expected {fleet.Count}");
            Assert.True(answers.All(answer => answer.First.Count <= query.Take), $"{because}: a silo returned more than {query.Take}");
            Assert.True(
                expected.Skip(page * pageSize).Take(pageSize).Select(Key).SequenceEqual(merged.First.Skip(page * pageSize).Take(pageSize).Select(Key)),
                $"{because}: the merged page differs from the sorted one");
        }
    }

    [Fact]
    public void A_silo_keeps_no_more_than_the_query_takes_and_counts_every_match()
    {
        var torrents = Enumerable.Range(0, 1000).Select(ListingSamples.Torrent).ToList();
        var query = new TorrentQuery { OrderBy = "name", Descending = true, Take = 7, Filters = [new TorrentFilterTerm(TorrentFilterField.Tag, "b")] };

        var page = TorrentSelection.First(torrents, query);
        var sorted = torrents.ToList();
        sorted.Sort(TorrentOrder.Of(query));
        var fromSorted = TorrentSelection.FirstOfSorted(sorted, query);

        Assert.Equal(torrents.Count(torrent => query.Matches(torrent, DateTimeOffset.UtcNow)), page.Matched);
        Assert.Equal(page.First, fromSorted.First);
        Assert.Equal(page.Matched, fromSorted.Matched);
        Assert.Equal(1000, page.Total);
        var expected = torrents.Where(torrent => query.Matches(torrent, DateTimeOffset.UtcNow)).ToList();
        expected.Sort(TorrentOrder.Of(query));
        Assert.Equal(expected.Take(7).Select(Key), page.First.Select(Key));
    }

    [Fact]
    public void Counting_only_returns_no_torrent()
    {
        var torrents = Enumerable.Range(0, 100).Select(ListingSamples.Torrent).ToList();
        var query = new TorrentQuery { Take = 0, Filters = [new TorrentFilterTerm(TorrentFilterField.Category, "music")] };

        var page = TorrentSelection.First(torrents, query);

        Assert.Empty(page.First);
        Assert.Equal(torrents.Count(torrent => torrent.Category == "music"), page.Matched);
    }

    [Fact]
    public void A_torrent_two_silos_report_while_it_moves_is_listed_once_at_its_best_place()
    {
        var moving = ListingSamples.Torrent(5, "silo-0");
        var arrived = moving with { Silo = "silo-1", QueuePosition = 0 };
        var query = new TorrentQuery { Take = 10 };
        var first = TorrentSelection.First([moving, ListingSamples.Torrent(1, "silo-0")], query);
        var second = TorrentSelection.First([arrived, ListingSamples.Torrent(2, "silo-1")], query);

        var merged = TorrentSelection.Merge([first, second], query);

        Assert.Equal(3, merged.First.Count);
        Assert.Equal(3, merged.Matched);
        Assert.Same(arrived, merged.First.Single(torrent => Key(torrent) == Key(moving)));
    }

    private static TorrentPage Answer(List<TorrentSummary> torrents, TorrentQuery query, bool fromSorted)
    {
        if (!fromSorted)
        {
            return TorrentSelection.First(torrents, query);
        }

        torrents.Sort(TorrentOrder.Of(query));
        return TorrentSelection.FirstOfSorted(torrents, query);
    }

    private static List<TorrentFilterTerm> RandomFilters(Random random, int silos)
    {
        var filters = new List<TorrentFilterTerm>();
        if (random.Next(4) == 0)
        {
            filters.Add(new TorrentFilterTerm(TorrentFilterField.Category, ListingSamples.Categories[random.Next(ListingSamples.Categories.Length)]));
        }

        if (random.Next(4) == 0)
        {
            filters.Add(new TorrentFilterTerm(TorrentFilterField.Tag, ListingSamples.Tags[random.Next(ListingSamples.Tags.Length)]));
        }

        if (random.Next(6) == 0)
        {
            filters.Add(new TorrentFilterTerm(TorrentFilterField.SavePath, ListingSamples.SavePaths[random.Next(ListingSamples.SavePaths.Length)]));
        }

        if (random.Next(6) == 0)
        {
            filters.Add(new TorrentFilterTerm(TorrentFilterField.Silo, $"silo-{random.Next(silos + 1)}"));
        }

        return filters;
    }

    private static string Key(TorrentSummary torrent) => torrent.InfoHash.Canonical;
}
