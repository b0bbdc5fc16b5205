using System.Text.Json;
using TorrentCluster.Abstractions.Cluster;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.JsonRpc;
using TorrentCluster.Gateway.Methods.Torrents;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Host.Tests;

/// <summary>
/// <c>torrents.list</c> with Porla's PQL in <c>filters.query</c> over 200 metadata-only torrents on a real two-silo
/// cluster: each query lists exactly the torrents the test's own filter picks from what it made them with, a page
/// costs one call per silo, and a bad query is Porla's -1000 with the column in <c>data.pos</c>.
/// </summary>
public sealed class PqlListingTests(CountedTwoSiloCluster fixture) : IClassFixture<CountedTwoSiloCluster>, IAsyncLifetime
{
    private const int Torrents = 200;
    private const int AddsAtOnce = 20;
    private const string Root = "<root>";

    private IReadOnlyList<PqlTorrent> Farm => PqlTorrent.Farm(Torrents, fixture.Root.Path);

    private string SavePathA => Path.Combine(fixture.Root.Path, "pql-a");

    public async Task InitializeAsync()
    {
        var intake = fixture.Grains.GetGrain<ITorrentIntakeGrain>(0);
        if (await CountAsync() < Torrents)
        {
            foreach (var batch in Farm.Chunk(AddsAtOnce))
            {
                await Task.WhenAll(batch.Select(torrent => intake.AddAsync(new AddTorrentCommand
                {
                    TorrentFile = MetadataOnlyTorrent.Create(torrent.Name, torrent.Pieces),
                    SavePath = torrent.SavePath,
                    Category = torrent.Category,
                    Tags = torrent.Tags,
                    Paused = true,
                })));
            }
        }

        await Eventually.Until(async () => await CountAsync() == Torrents, TimeSpan.FromSeconds(60), $"both silos to list {Torrents} torrents");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> Queries => [.. QueryTable().Select(row => row.Query)];

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task A_query_lists_the_torrents_its_meaning_picks(string query)
    {
        var picks = QueryTable().Single(row => row.Query == query).Picks;
        var expected = Farm.Where(picks).Select(torrent => torrent.Name).Order(StringComparer.Ordinal).ToList();

        var listed = await ListAsync(query.Replace(Root, fixture.Root.Path, StringComparison.Ordinal));

        Assert.Equal(expected, listed);
    }

    [Fact]
    public async Task The_torrents_are_spread_over_both_silos()
    {
        var result = await InvokeAsync(new { page_size = Torrents });

        var silos = result.GetProperty("torrents").EnumerateArray().Select(torrent => torrent.GetProperty("session").GetString()).Distinct().Count();
        Assert.Equal(2, silos);
    }

    [Fact]
    public async Task A_filtered_page_costs_one_call_per_silo_and_no_torrent_grain()
    {
        fixture.ForgetCalls();

        var result = await InvokeAsync(new { filters = new { query = "size > 512kb and not tags contains \"iso\"" }, page_size = 10, order_by = "name" });

        var calls = fixture.Calls;
        Assert.Equal(Farm.Count(torrent => torrent.Size > 512 * 1024 && !torrent.HasTag("iso")), result.GetProperty("torrents_total").GetInt32());
        Assert.Equal(Torrents, result.GetProperty("torrents_total_unfiltered").GetInt32());
        Assert.Equal(2, calls.Count(call => call.Method == nameof(ISiloGrain.ListTorrentsAsync)));
        Assert.DoesNotContain(calls, call => call.Interface == typeof(ITorrentGrain));
    }

    [Fact]
    public async Task Filters_porla_ignores_are_ignored_and_the_web_uis_tag_list_filters_by_tag()
    {
        var result = await InvokeAsync(new
        {
            filters = new Dictionary<string, object?>
            {
                ["tags"] = new[] { "lts" },
                ["category"] = "linux",
                ["status"] = "downloading",
                ["session_id"] = 3,
                ["save_path"] = 7,
                ["query"] = "",
            },
            page_size = Torrents,
        });

        var expected = Farm.Where(torrent => torrent.HasTag("lts") && torrent.Category == "linux").Select(torrent => torrent.Name).Order(StringComparer.Ordinal);
        Assert.Equal(expected, Names(result));
    }

    [Fact]
    public async Task A_query_and_the_other_filters_all_apply()
    {
        var result = await InvokeAsync(new { filters = new { query = "size < 1mb", category = "music", save_path = SavePathA }, page_size = Torrents });

        var expected = Farm.Where(torrent => torrent.Size < 1024 * 1024 && torrent.Category == "music" && torrent.SavePath == SavePathA).Select(torrent => torrent.Name).Order(StringComparer.Ordinal);
        Assert.Equal(expected, Names(result));
    }

    [Theory]
    [InlineData("is:paused and", 13)]
    [InlineData("name =", 6)]
    [InlineData("name ~ \"x\"", 5)]
    [InlineData("name = \"open", 7)]
    [InlineData("size > 1.5gb", 10)]
    [InlineData("is:paused is:seeding", 10)]
    [InlineData("is:stalled", 0)]
    [InlineData("size > 1 and colour = \"red\"", 13)]
    [InlineData("tags = \"iso\"", 5)]
    [InlineData("progress = 1", 11)]
    [InlineData("(is:paused or is:seeding", 24)]
    public async Task A_bad_query_is_porlas_error_with_the_column_of_its_token(string query, int position)
    {
        var error = await Assert.ThrowsAsync<JsonRpcException>(() => InvokeAsync(new { filters = new { query } }));

        Assert.Equal(-1000, error.Code);
        Assert.False(string.IsNullOrEmpty(error.Message));
        Assert.Equal(position, Assert.NotNull(error.DetailObject).GetProperty("pos").GetInt32());
    }

    // Each query with the test's own reading of it over what the torrents were made with (Root stands for the
    // cluster's folder, which the torrents' save paths are in). Every torrent is metadata-only, paused, and was
    // added a moment ago: no progress, no rates, no ratio, no seeding.
    private static IEnumerable<(string Query, Func<PqlTorrent, bool> Picks)> QueryTable()
    {
        const long Kib = 1024;
        return
        [
            ("is:paused", _ => true),
            ("not is:paused", _ => false),
            ("is:seeding", _ => false),
            ("is:finished", _ => false),
            ("is:moving", _ => false),
            ("not (is:seeding or is:moving)", _ => true),
            ("name contains \"ubuntu\"", t => t.Name.Contains("ubuntu", StringComparison.Ordinal)),
            ("name contains \"Album FLAC\"", t => t.Name.Contains("Album FLAC", StringComparison.Ordinal)),
            ("name contains \"album\"", _ => false),
            ("name = \"movie.1080p-018\"", t => t.Name == "movie.1080p-018"),
            ("name < \"m\"", t => string.CompareOrdinal(t.Name, "m") < 0),
            ("name >= \"debian\" and name <= \"podcast\"", t => string.CompareOrdinal(t.Name, "debian") >= 0 && string.CompareOrdinal(t.Name, "podcast") <= 0),
            ("category = \"linux\"", t => t.Category == "linux"),
            ("category = \"music\" or category = \"books\"", t => t.Category is "music" or "books"),
            ("not category = \"linux\"", t => t.Category != "linux"),
            ("category > \"l\"", t => t.Category is not null && string.CompareOrdinal(t.Category, "l") > 0),
            ("tags contains \"iso\"", t => t.HasTag("iso")),
            ("tags contains \"lts\" and tags contains \"iso\"", t => t.HasTag("lts") && t.HasTag("iso")),
            ("tags contains \"rare\" or category = \"movies\"", t => t.HasTag("rare") || t.Category == "movies"),
            ("not tags contains \"iso\"", t => !t.HasTag("iso")),
            ("tags contains \"iso\" or tags contains \"lts\" or tags contains \"rare\"", t => t.Tags.Length > 0),
            ($"save_path = \"{Path.Combine(Root, "pql-a")}\"", t => Path.GetFileName(t.SavePath) == "pql-a"),
            ("save_path contains \"pql-b\"", t => t.SavePath.EndsWith("pql-b", StringComparison.Ordinal)),
            ("size > 1mb", t => t.Size > 1024 * Kib),
            ("size <= 100kb", t => t.Size <= 100 * Kib),
            ("size = 16kb", t => t.Size == 16 * Kib),
            ("size >= 512kb and size < 1mb", t => t.Size >= 512 * Kib && t.Size < 1024 * Kib),
            ("size > 1048576", t => t.Size > 1_048_576),
            ("size < 1 gb", _ => true),
            ("progress = 0.0", _ => true),
            ("progress > 0.5", _ => false),
            ("ratio = 0", _ => true),
            ("ratio > 0.5", _ => false),
            ("download_rate = 0", _ => true),
            ("upload_rate > 1kbps", _ => false),
            ("age < 1h", _ => true),
            ("age > 1d", _ => false),
            ("active_duration >= 0s", _ => true),
            ("seeding_duration > 1w", _ => false),
            ("finished_duration = 0", _ => true),
            ("is:paused and (category = \"linux\" or tags contains \"rare\")", t => t.Category == "linux" || t.HasTag("rare")),
            ("not is:paused and category = \"linux\" or tags contains \"rare\"", t => t.HasTag("rare")),
            ("(size > 1mb or size < 64kb) and is:paused", t => t.Size > 1024 * Kib || t.Size < 64 * Kib),
            ("(size > 1mb or size < 64kb) and not is:paused", _ => false),
            ("name contains \"-0\" and size > 512kb and category = \"music\"", t => t.Name.Contains("-0", StringComparison.Ordinal) && t.Size > 512 * Kib && t.Category == "music"),
        ];
    }

    private async Task<int> CountAsync() => (await fixture.Fleet().QueryAsync(new Abstractions.Listing.TorrentQuery())).Total;

    private async Task<List<string>> ListAsync(string query) => Names(await InvokeAsync(new { filters = new { query }, page_size = Torrents }));

    private static List<string> Names(JsonElement result) =>
        [.. result.GetProperty("torrents").EnumerateArray().Select(torrent => torrent.GetProperty("name").GetString()!).Order(StringComparer.Ordinal)];

    // torrents.list as the gateway answers it, params read from JSON as a caller sends them.
    private async Task<JsonElement> InvokeAsync(object parameters)
    {
        var answer = await new TorrentsList(fixture.Fleet()).InvokeAsync(JsonSerializer.SerializeToElement(parameters), CancellationToken.None);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            answer.WriteTo(writer);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
