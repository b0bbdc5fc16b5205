using TorrentCluster.Abstractions.Cluster;
using TorrentCluster.Abstractions.Listing;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Host.Tests;

/// <summary>
/// The gateway's fleet listing over a real two-silo cluster of 40 metadata-only torrents: a page costs each silo
/// a page, touches no torrent's grain and no catalog shard, and still lists a torrent that no silo runs.
/// </summary>
public sealed class FleetListingTests(CountedTwoSiloCluster fixture) : IClassFixture<CountedTwoSiloCluster>, IAsyncLifetime
{
    private const int Torrents = 40;
    private const int PageSize = 5;

    public async Task InitializeAsync()
    {
        var listed = (await fixture.Fleet().QueryAsync(new TorrentQuery())).Total;
        for (var i = listed; i < Torrents; i++)
        {
            await fixture.Grains.GetGrain<ITorrentIntakeGrain>(0).AddAsync(new AddTorrentCommand { TorrentFile = MetadataOnlyTorrent.Create($"listing-{i:D3}.bin"), Paused = true });
        }

        await Eventually.Until(async () => (await fixture.Fleet().QueryAsync(new TorrentQuery())).Total == Torrents, TimeSpan.FromSeconds(30), $"both silos to list {Torrents} torrents");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("queue_position", false, 0)]
    [InlineData("name", true, 0)]
    [InlineData("name", false, 3)]
    [InlineData("size", true, 7)]
    public async Task A_page_moves_at_most_the_window_from_each_silo_and_calls_no_torrent_grain(string orderBy, bool descending, int page)
    {
        var fleet = fixture.Fleet();
        var everything = await fleet.QueryAsync(new TorrentQuery { OrderBy = orderBy, Descending = descending, Take = Torrents });
        var query = new TorrentQuery { OrderBy = orderBy, Descending = descending, Take = (page + 1) * PageSize };
        fixture.ForgetCalls();

        var found = await fleet.QueryAsync(query);

        var calls = fixture.Calls;
        Assert.Equal(Torrents, found.Matched);
        Assert.Equal(Torrents, found.Total);
        Assert.Equal(
            everything.First.Skip(page * PageSize).Take(PageSize).Select(torrent => torrent.InfoHash.Canonical),
            found.First.Skip(page * PageSize).Take(PageSize).Select(torrent => torrent.InfoHash.Canonical));
        Assert.DoesNotContain(calls, call => call.Interface == typeof(ITorrentGrain));
        Assert.DoesNotContain(calls, call => call.Interface == typeof(ITorrentCatalogGrain));
        Assert.DoesNotContain(calls, call => call.Method == nameof(ISiloGrain.ListTorrentKeysAsync));
        var pages = calls.Where(call => call.Method == nameof(ISiloGrain.ListTorrentsAsync)).Select(call => Assert.IsType<TorrentPage>(call.Result)).ToList();
        Assert.Equal(2, pages.Count);
        Assert.All(pages, silo => Assert.True(silo.First.Count <= query.Take, $"silo {silo.Silo} returned {silo.First.Count} torrents for a window of {query.Take}"));
    }

    [Fact]
    public async Task Counting_moves_no_torrent()
    {
        var fleet = fixture.Fleet();
        await fleet.QueryAsync(new TorrentQuery());
        fixture.ForgetCalls();

        var counted = await fleet.QueryAsync(new TorrentQuery { Take = 0, Filters = [new TorrentFilterTerm(TorrentFilterField.Category, "none-has-it")] });

        Assert.Equal(0, counted.Matched);
        Assert.Equal(Torrents, counted.Total);
        Assert.All(
            fixture.Calls.Where(call => call.Method == nameof(ISiloGrain.ListTorrentsAsync)),
            call => Assert.Empty(Assert.IsType<TorrentPage>(call.Result).First));
        Assert.DoesNotContain(fixture.Calls, call => call.Interface == typeof(ITorrentGrain) || call.Interface == typeof(ITorrentCatalogGrain));
    }

    [Fact]
    public async Task A_torrent_the_catalog_holds_and_no_silo_runs_is_listed_as_not_running_once_the_count_is_due()
    {
        // A count due at every listing: the first listing after the registration still trusts the old count and
        // counts again in the background; a later one finds the silos short of it and lists the catalog.
        var fleet = fixture.Fleet(catalogCountTtl: TimeSpan.Zero);
        await fleet.QueryAsync(new TorrentQuery());
        const string orphan = "00000000000000000000000000000000000000aa";
        var shard = fixture.Grains.GetGrain<ITorrentCatalogGrain>(TorrentCatalog.ShardOf(orphan));
        await shard.RegisterAsync(orphan, "a-silo-that-died");
        try
        {
            TorrentPage? found = null;
            await Eventually.Until(
                async () => (found = await fleet.QueryAsync(new TorrentQuery { OrderBy = "name", Take = Torrents + 1 })).Total == Torrents + 1,
                TimeSpan.FromSeconds(10),
                "the listing to count the torrent only the catalog holds");

            var listed = Assert.Single(found!.First, torrent => torrent.InfoHash.Canonical == orphan);
            Assert.Equal(FleetTorrents.NotRunningState, listed.State);
            Assert.Contains("a-silo-that-died", listed.Error, StringComparison.Ordinal);
            Assert.Equal(Torrents + 1, found.First.Count);
        }
        finally
        {
            await shard.UnregisterAsync(orphan);
        }

        // The silos' answers fall short of the cached count, which is counted again at once.
        Assert.Equal(Torrents, (await fleet.QueryAsync(new TorrentQuery())).Total);
    }
}
