using System.Text.Json;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Methods.Torrents;
using Xunit;

namespace TorrentCluster.Gateway.UnitTests;

/// <summary>
/// Porla's move flags (porla/porla, torrentsmove.cpp) read at the edge into the grain's typed argument, as
/// torrents.move's params are read.
/// </summary>
public sealed class PorlaMoveFlagsTests
{
    public static TheoryData<string, MoveConflict> Rows => new()
    {
        { "", MoveConflict.DontReplace },
        { ",\"flags\":null", MoveConflict.DontReplace },
        { ",\"flags\":\"dont_replace\"", MoveConflict.DontReplace },
        { ",\"flags\":\"always_replace_files\"", MoveConflict.AlwaysReplace },
        { ",\"flags\":\"fail_if_exist\"", MoveConflict.FailIfExists },
        // Porla keeps its default for a name it does not know.
        { ",\"flags\":\"sideways\"", MoveConflict.DontReplace },
        { ",\"flags\":\"\"", MoveConflict.DontReplace },
        { ",\"flags\":\"DONT_REPLACE\"", MoveConflict.DontReplace },
        { ",\"flags\":\"fail_if_exists\"", MoveConflict.DontReplace },
        { ",\"flags\":\" always_replace_files\"", MoveConflict.DontReplace },
    };

    [Fact]
    public void Every_move_conflict_is_reachable_by_a_porla_name() =>
        Assert.Equal(Enum.GetValues<MoveConflict>().Order(), Rows.Select(row => (MoveConflict)row[1]).Distinct().Order());

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_porla_flag_or_none_is_its_move_conflict(string flags, MoveConflict expected) =>
        Assert.Equal(expected, Read(flags).Flags);

    [Theory]
    [InlineData("2")]
    [InlineData("true")]
    [InlineData("[\"dont_replace\"]")]
    [InlineData("{}")]
    public void A_value_that_is_not_a_string_is_refused_naming_flags_and_every_allowed_value(string flags)
    {
        // The params reader answers such a refusal as invalid params (-32602) with this message.
        var error = Assert.ThrowsAny<JsonException>(() => Read($",\"flags\":{flags}"));

        foreach (var named in new[] { "'flags'", "dont_replace", "always_replace_files", "fail_if_exist" })
        {
            Assert.Contains(named, error.Message, StringComparison.Ordinal);
        }
    }

    private static TorrentsMoveParams Read(string flagsMember) => JsonSerializer.Deserialize(
        $"{{\"info_hash\":\"{new string('a', 40)}\",\"path\":\"/data\"{flagsMember}}}",
        TorrentsJsonContext.Default.TorrentsMoveParams)!;
}
