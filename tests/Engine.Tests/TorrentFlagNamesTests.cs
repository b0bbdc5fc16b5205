using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Engine.Tests;

public sealed class TorrentFlagNamesTests
{
    [Fact]
    public void SetIn_names_the_set_flags_in_libtorrents_order()
    {
        var bits = TorrentFlagNames.BitOf("sequential_download") | TorrentFlagNames.BitOf("seed_mode") | TorrentFlagNames.BitOf("paused");

        Assert.Equal(["seed_mode", "paused", "sequential_download"], TorrentFlagNames.SetIn(bits));
        Assert.Empty(TorrentFlagNames.SetIn(0));
    }

    [Fact]
    public void Every_flag_this_libtorrent_has_is_named_back_from_its_bit()
    {
        var known = TorrentFlagNames.All.Where(name => TorrentFlagNames.BitOf(name) != 0).ToList();
        var everyBit = known.Aggregate(0UL, (all, name) => all | TorrentFlagNames.BitOf(name));

        // Debian's libtorrent 2.0.8 lacks i2p_torrent alone of Porla's twenty.
        Assert.True(known.Count >= 19, $"only {known.Count} flags known: {string.Join(", ", known)}");
        Assert.Equal(known, TorrentFlagNames.SetIn(everyBit));
    }

    [Fact]
    public async Task A_status_reports_every_flag_the_torrent_has_not_only_the_status_bits()
    {
        using var root = new TempDirectory();
        var path = Path.Combine(root.Path, "flags.bin");
        TestFiles.CreateRandom(path, 64 * 1024, seed: 5);
        var torrentFile = TorrentCreator.Create(new CreateTorrentOptions { Path = path });
        using var engine = LoopbackEngine.Create(FreePort.Next());
        using var torrent = await engine.AddAsync(new AddTorrentRequest { TorrentFile = torrentFile, SavePath = root.Path });

        torrent.SetFlags(new Dictionary<string, bool> { ["disable_pex"] = true, ["share_mode"] = true });

        var names = TorrentFlagNames.SetIn(torrent.GetStatus().TorrentFlags);
        Assert.Contains("disable_pex", names);
        Assert.Contains("share_mode", names);
        Assert.Equal(torrent.GetFlags().Where(flag => flag.Value).Select(flag => flag.Key).Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }
}
