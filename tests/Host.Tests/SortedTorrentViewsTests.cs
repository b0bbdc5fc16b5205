using TorrentCluster.Abstractions.Listing;
using TorrentCluster.Abstractions.Torrents;
using Xunit;

namespace TorrentCluster.Host.Tests;

/// <summary>A silo's sorted views, kept in step change by change, answer as a sort of the torrents of the moment does.</summary>
public sealed class SortedTorrentViewsTests
{
    [Fact]
    public void Views_kept_in_step_with_random_changes_answer_as_a_fresh_sort_does()
    {
        var random = new Random(7);
        var fields = TorrentOrder.Fields.ToArray();
        for (var run = 0; run < 60; run++)
        {
            var views = new SortedTorrentViews();
            var torrents = Enumerable.Range(0, random.Next(100, 400)).Select(i => ListingSamples.Torrent(i * 3)).ToDictionary(Key);
            var next = 100_000;
            var queries = Enumerable.Range(0, 3).Select(_ => new TorrentQuery { OrderBy = fields[random.Next(fields.Length)], Descending = random.Next(2) == 1, Take = random.Next(1, 60) }).ToList();
            for (var round = 0; round < 12; round++)
            {
                var all = torrents.Values.ToArray();
                foreach (var query in queries)
                {
                    // Asked twice: the first ask is answered by selection, the second from a view.
                    var answer = views.TryAnswer(query, all) ?? views.TryAnswer(query, all);
                    var expected = TorrentSelection.First(all, query);
                    Assert.True(answer is not null, $"run {run} round {round}: no view for {query.OrderBy}");
                    Assert.True(expected.First.Select(Key).SequenceEqual(answer!.First.Select(Key)), $"run {run} round {round}: {query.OrderBy} {(query.Descending ? "desc" : "asc")} differs from a sort");
                    Assert.Equal(expected.Matched, answer.Matched);
                }

                views.Apply(RandomChanges(random, torrents, ref next), torrents.Count);
            }
        }
    }

    [Fact]
    public void Many_changes_at_once_drop_the_views()
    {
        var views = new SortedTorrentViews();
        var all = Enumerable.Range(0, 200).Select(ListingSamples.Torrent).ToArray();
        var query = new TorrentQuery { Take = 10 };
        Assert.Null(views.TryAnswer(query, all));
        Assert.NotNull(views.TryAnswer(query, all));

        views.Apply([.. all.Select(torrent => ((TorrentSummary?)torrent, (TorrentSummary?)(torrent with { Progress = 1 })))], all.Length);

        Assert.Equal(0, views.Count);
    }

    // A few torrents leave, a few arrive, a few change (a new summary of the same torrent, as a status update makes).
    private static List<(TorrentSummary? Old, TorrentSummary? New)> RandomChanges(Random random, Dictionary<string, TorrentSummary> torrents, ref int next)
    {
        var changes = new List<(TorrentSummary? Old, TorrentSummary? New)>();
        foreach (var key in torrents.Keys.OrderBy(_ => random.Next()).Take(random.Next(0, 4)).ToList())
        {
            changes.Add((torrents[key], null));
            torrents.Remove(key);
        }

        foreach (var key in torrents.Keys.OrderBy(_ => random.Next()).Take(random.Next(0, 4)).ToList())
        {
            var changed = ListingSamples.Torrent(random.Next(0, 1000)) with { InfoHash = torrents[key].InfoHash };
            changes.Add((torrents[key], changed));
            torrents[key] = changed;
        }

        for (var i = random.Next(0, 4); i > 0; i--)
        {
            var arrived = ListingSamples.Torrent(next++);
            changes.Add((null, arrived));
            torrents[Key(arrived)] = arrived;
        }

        return changes;
    }

    private static string Key(TorrentSummary torrent) => torrent.InfoHash.Canonical;
}
