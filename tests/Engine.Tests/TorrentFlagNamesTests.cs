using Xunit;

namespace TorrentCluster.Engine.Tests;

public sealed class TorrentFlagNamesTests
{
    [Fact]
    public void SetIn_names_the_set_flags_in_libtorrents_order_and_skips_status_bits_that_are_not_flags()
    {
        var names = TorrentFlagNames.SetIn(
            TorrentStatusFlags.Sequential | TorrentStatusFlags.IsSeeding | TorrentStatusFlags.Paused | TorrentStatusFlags.SeedMode | TorrentStatusFlags.HasMetadata);

        Assert.Equal(["seed_mode", "paused", "sequential_download"], names);
    }

    [Fact]
    public void Every_flag_a_status_reports_is_one_the_engine_can_set()
    {
        var everyBit = Enum.GetValues<TorrentStatusFlags>().Aggregate(TorrentStatusFlags.None, (all, flag) => all | flag);

        var reported = TorrentFlagNames.SetIn(everyBit);

        Assert.Equal(7, reported.Length);
        Assert.All(reported, name => Assert.NotEqual(0UL, TorrentFlagNames.BitOf(name)));
        Assert.Empty(TorrentFlagNames.SetIn(TorrentStatusFlags.None));
    }
}
