using TorrentCluster.Abstractions.Fleet;
using Xunit;

namespace TorrentCluster.Gateway.UnitTests;

/// <summary><c>group_by</c>'s names and the groupings the silos are asked for: one table, both ways.</summary>
public sealed class PeerGroupingsTests
{
    [Fact]
    public void Every_grouping_has_one_name_that_parses_back_to_it()
    {
        Assert.Equal(Enum.GetValues<PeerGrouping>().Order(), PeerGroupings.All.Order());
        Assert.Equal(PeerGroupings.Names.Count, PeerGroupings.Names.Distinct(StringComparer.Ordinal).Count());
        foreach (var grouping in Enum.GetValues<PeerGrouping>())
        {
            Assert.True(PeerGroupings.TryParse(PeerGroupings.NameOf(grouping), out var parsed));
            Assert.Equal(grouping, parsed);
        }
    }

    [Theory]
    [InlineData("Client")]
    [InlineData("peer")]
    [InlineData("")]
    public void A_name_not_in_the_table_does_not_parse(string name) =>
        Assert.False(PeerGroupings.TryParse(name, out _));
}
