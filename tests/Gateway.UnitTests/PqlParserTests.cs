using TorrentCluster.Abstractions.Listing.Pql;
using TorrentCluster.Abstractions.Torrents;
using Xunit;

namespace TorrentCluster.Gateway.UnitTests;

/// <summary>
/// Porla's query language (porla/porla, src/query/PorlaQueryLang.g4 and pql.cpp) as our parser reads it: the tree
/// it builds, what it means for a torrent, and where it says a bad query goes wrong.
/// </summary>
public sealed class PqlParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static readonly TorrentSummary Ubuntu = new()
    {
        InfoHash = new InfoHashPair("0000000000000000000000000000000000000001", null),
        Name = "ubuntu-24.04-desktop.iso",
        SavePath = "/data/linux",
        Silo = "silo-a",
        State = 3,
        Size = 6L * 1024 * 1024 * 1024,
        Progress = 0.25f,
        DownloadRate = 3 * 1024 * 1024,
        UploadRate = 512,
        Category = "linux",
        Tags = ["iso", "lts"],
        AllTimeDownload = 1000,
        AllTimeUpload = 1500,
        ActiveDuration = 90 * 60,
        AddedAt = Now.AddDays(-3),
    };

    private static readonly TorrentSummary Album = new()
    {
        InfoHash = new InfoHashPair("0000000000000000000000000000000000000002", null),
        Name = "Album (FLAC)",
        SavePath = "/data/music",
        Silo = "silo-b",
        State = 5,
        Size = 400L * 1024 * 1024,
        Progress = 1f,
        Paused = true,
        SeedingDuration = 2 * 7 * 24 * 3600,
        AddedAt = Now.AddHours(-1),
    };

    private static readonly TorrentSummary Magnet = new()
    {
        InfoHash = new InfoHashPair("0000000000000000000000000000000000000003", null),
        Name = "from a magnet",
        SavePath = "/data",
        Silo = "silo-a",
        State = 2,
        Size = -1,
        MovingStorage = true,
        AddedAt = Now,
    };

    public static TheoryData<string, string[]> Matching => new()
    {
        { "is:downloading", ["ubuntu"] },
        { "is:seeding", ["album"] },
        { "is:paused", ["album"] },
        { "is:moving", ["magnet"] },
        { "is:finished", [] },
        { "not is:paused", ["ubuntu", "magnet"] },
        { "name = \"Album (FLAC)\"", ["album"] },
        { "name contains \"iso\"", ["ubuntu"] },
        { "name contains \"ISO\"", [] },
        { "name < \"b\"", ["album"] },
        { "category = \"linux\"", ["ubuntu"] },
        { "category > \"a\"", ["ubuntu"] },
        { "tags contains \"lts\"", ["ubuntu"] },
        { "tags contains \"lt\"", [] },
        { "save_path contains \"/data/\"", ["ubuntu", "album"] },
        { "save_path = \"/data\"", ["magnet"] },
        { "size > 1gb", ["ubuntu"] },
        { "size >= 400mb", ["ubuntu", "album"] },
        { "size < 1 gb", ["album"] },
        { "size = 419430400", ["album"] },
        { "size < 1tb", ["ubuntu", "album"] },
        { "download_rate >= 3mbps", ["ubuntu"] },
        { "upload_rate = 512bps", ["ubuntu"] },
        { "upload_rate < 1kbps", ["ubuntu", "album", "magnet"] },
        { "progress >= 1.0", ["album"] },
        { "progress < 0.5", ["ubuntu", "magnet"] },
        { "ratio = 1.5", ["ubuntu"] },
        { "ratio > 1", ["ubuntu"] },
        { "ratio = 0", ["album", "magnet"] },
        { "active_duration = 90m", ["ubuntu"] },
        { "active_duration >= 1h", ["ubuntu"] },
        { "seeding_duration = 2w", ["album"] },
        { "finished_duration > 0s", [] },
        { "age > 2d", ["ubuntu"] },
        { "age <= 3600", ["album", "magnet"] },
        { "age < 1d and is:paused", ["album"] },
        { "is:paused or is:moving", ["album", "magnet"] },
        { "is:seeding or is:moving and size > 0", ["album"] },
        { "is:downloading and size > 1gb or is:moving", ["ubuntu", "magnet"] },
        { "(is:seeding or is:moving) and size > 0", ["album"] },
        { "not (is:paused or is:moving)", ["ubuntu"] },
        { "not name contains \"a\"", ["ubuntu", "album"] },
        { "  is:paused\n and\tname contains \"FLAC\" ", ["album"] },
        { "size > -1", ["ubuntu", "album"] },
    };

    [Theory]
    [MemberData(nameof(Matching))]
    public void A_query_matches_the_torrents_porla_would_list(string query, string[] expected)
    {
        var condition = PqlParser.Parse(query);

        var matched = new[] { ("ubuntu", Ubuntu), ("album", Album), ("magnet", Magnet) }
            .Where(torrent => condition.Matches(torrent.Item2, Now))
            .Select(torrent => torrent.Item1);

        Assert.Equal(expected, matched);
    }

    [Fact]
    public void And_binds_tighter_than_or_and_both_gather_their_parts()
    {
        var condition = PqlParser.Parse("is:paused or is:seeding and name = \"x\" and size > 1kb");

        var any = Assert.IsType<AnyOfCondition>(condition);
        Assert.Equal(new FlagCondition(PqlFlagName.Paused), any.Parts[0]);
        var all = Assert.IsType<AllOfCondition>(any.Parts[1]);
        Assert.Equal(
            [new FlagCondition(PqlFlagName.Seeding), new ComparisonCondition(PqlReference.Name, PqlOperator.Equal, PqlValue.Of("x")), new ComparisonCondition(PqlReference.Size, PqlOperator.Greater, PqlValue.Of(1024L))],
            all.Parts);
    }

    [Theory]
    [InlineData("1s", 1L)]
    [InlineData("2m", 120L)]
    [InlineData("3h", 10_800L)]
    [InlineData("4d", 345_600L)]
    [InlineData("5w", 3_024_000L)]
    [InlineData("6b", 6L)]
    [InlineData("7kb", 7_168L)]
    [InlineData("8mb", 8_388_608L)]
    [InlineData("9gb", 9_663_676_416L)]
    [InlineData("2tb", 2_199_023_255_552L)]
    [InlineData("1pb", 1_125_899_906_842_624L)]
    [InlineData("10bps", 10L)]
    [InlineData("3kbps", 3_072L)]
    [InlineData("2mbps", 2_097_152L)]
    [InlineData("1gbps", 1_073_741_824L)]
    [InlineData("12 kb", 12_288L)]
    public void A_unit_multiplies_the_whole_number_before_it(string value, long expected) =>
        Assert.Equal(new ComparisonCondition(PqlReference.Size, PqlOperator.Equal, PqlValue.Of(expected)), PqlParser.Parse($"size = {value}"));

    [Theory]
    [InlineData("", "mismatched input '<EOF>' expecting {'not', 'is:', '(', ID}", 0)]
    [InlineData("is:paused and", "mismatched input '<EOF>' expecting {'not', 'is:', '(', ID}", 13)]
    [InlineData("name =", "mismatched input '<EOF>' expecting {INT, FLOAT, STRING}", 6)]
    [InlineData("name ~ \"x\"", "token recognition error at: '~'", 5)]
    [InlineData("name = \"open", "token recognition error at: '\"open'", 7)]
    [InlineData("size > 1.5gb", "extraneous input 'gb' expecting {<EOF>, 'and', 'or'}", 10)]
    [InlineData("is:paused is:seeding", "extraneous input 'is:' expecting {<EOF>, 'and', 'or'}", 10)]
    [InlineData("name is \"x\"", "mismatched input 'is' expecting {'=', 'contains', '>', '>=', '<', '<='}", 5)]
    [InlineData("is:stalled", "Invalid flag 'stalled'", 0)]
    [InlineData("size > 1 and colour = \"red\"", "Invalid reference 'colour'", 13)]
    [InlineData("NAME = \"x\"", "Invalid reference 'NAME'", 0)]
    [InlineData("is:paused AND is:seeding", "extraneous input 'AND' expecting {<EOF>, 'and', 'or'}", 10)]
    [InlineData("tags = \"x\"", "tags only support contains", 5)]
    [InlineData("category contains \"x\"", "Invalid operator", 9)]
    [InlineData("progress = 1", "Invalid value type - expected float", 11)]
    [InlineData("size > \"big\"", "Invalid value type - expected integer", 7)]
    [InlineData("name = 3", "Invalid value type - expected string", 7)]
    [InlineData("(is:paused", "mismatched input '<EOF>' expecting ')'", 10)]
    [InlineData("is:paused and\n  name = ", "mismatched input '<EOF>' expecting {INT, FLOAT, STRING}", 9)]
    [InlineData("is:bogus and name ~", "token recognition error at: '~'", 18)]
    [InlineData("size > 99999999999pb", "Invalid value '99999999999 pb' - out of range", 7)]
    public void A_bad_query_says_what_and_the_column_of_its_token(string query, string message, int position)
    {
        var error = Assert.Throws<PqlSyntaxException>(() => PqlParser.Parse(query));

        Assert.Equal(message, error.Message);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Nesting_is_bounded_so_a_hostile_query_cannot_exhaust_the_stack()
    {
        var allowed = string.Concat(Enumerable.Repeat("not (", PqlParser.MaxDepth / 2)) + "is:paused" + new string(')', PqlParser.MaxDepth / 2);
        Assert.IsType<NotCondition>(PqlParser.Parse(allowed));

        var hostile = new string('(', 100_000) + "is:paused" + new string(')', 100_000);
        var error = Assert.Throws<PqlSyntaxException>(() => PqlParser.Parse(hostile));
        Assert.Equal(PqlParser.MaxDepth, error.Position);
    }

    [Fact]
    public void Every_reference_and_flag_porla_knows_parses()
    {
        foreach (var name in PqlReferences.Names)
        {
            var query = name switch
            {
                "category" or "name" or "save_path" => $"{name} = \"x\"",
                "tags" => "tags contains \"x\"",
                "progress" or "ratio" => $"{name} < 0.5",
                _ => $"{name} > 1",
            };
            Assert.IsType<ComparisonCondition>(PqlParser.Parse(query));
        }

        Assert.Equal(Enum.GetValues<PqlReference>().Length, PqlReferences.Names.Count());
        Assert.Equal(Enum.GetValues<PqlFlagName>().Order(), PqlReferences.Flags.Select(flag => Assert.IsType<FlagCondition>(PqlParser.Parse($"is:{flag}")).Flag).Order());
    }
}
