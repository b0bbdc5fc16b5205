using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.JsonRpc;
using TorrentCluster.Gateway.Methods.Torrents;
using Xunit;

namespace TorrentCluster.Gateway.UnitTests;

/// <summary>Porla's move flags (porla/porla, torrentsmove.cpp) read at the edge into the grain's typed argument.</summary>
public sealed class PorlaMoveFlagsTests
{
    public static TheoryData<string?, MoveConflict> Rows => new()
    {
        { null, MoveConflict.DontReplace },
        { "dont_replace", MoveConflict.DontReplace },
        { "always_replace_files", MoveConflict.AlwaysReplace },
        { "fail_if_exist", MoveConflict.FailIfExists },
    };

    [Fact]
    public void Every_move_conflict_is_reachable_by_a_porla_name() =>
        Assert.Equal(Enum.GetValues<MoveConflict>().Order(), Rows.Select(row => (MoveConflict)row[1]).Distinct().Order());

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_porla_flag_is_its_move_conflict(string? flags, MoveConflict expected) =>
        Assert.Equal(expected, PorlaMoveFlags.Parse(flags));

    [Theory]
    [InlineData("sideways")]
    [InlineData("")]
    [InlineData("DONT_REPLACE")]
    [InlineData(" dont_replace")]
    [InlineData("fail_if_exists")]
    public void Any_other_value_is_invalid_params_naming_flags_and_every_allowed_value(string flags)
    {
        var error = Assert.Throws<JsonRpcException>(() => PorlaMoveFlags.Parse(flags));

        Assert.Equal(JsonRpcErrorCodes.InvalidParams, error.Code);
        foreach (var named in new[] { "'flags'", "dont_replace", "always_replace_files", "fail_if_exist" })
        {
            Assert.Contains(named, error.Detail, StringComparison.Ordinal);
        }
    }
}
