using System.Text.Json;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Api.Tests;

/// <summary>A torrents.list item's libtorrent figures as Porla reports them (torrentslist.cpp).</summary>
[Collection(ApiClusterCollection.Name)]
public sealed class TorrentListItemTests(ApiCluster api)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Flags_name_any_of_porlas_twenty_flags_and_totals_are_libtorrents_own()
    {
        var (ti, folder) = api.MakeTorrent("item-flags", 150_000, seed: 33);
        var v1 = await api.AddAsync(new { ti, save_path = folder });

        // disable_pex and share_mode are flags the status bits alone never reported.
        await api.Rpc.ResultAsync("torrents.properties.set", new { info_hash = v1, flags = new Dictionary<string, bool> { ["disable_pex"] = true, ["share_mode"] = true } });

        await Eventually.Until(async () =>
        {
            var listed = (await api.Rpc.ResultAsync("torrents.list", new { })).GetProperty("torrents").EnumerateArray()
                .Single(torrent => torrent.GetProperty("info_hash")[0].GetString() == v1);
            var flags = listed.GetProperty("flags").EnumerateArray().Select(flag => flag.GetString()).ToList();
            return flags.Contains("disable_pex") && flags.Contains("share_mode") && listed.GetProperty("progress").GetDouble() >= 1.0;
        }, Patience, "the listed torrent is complete and names the flags just set");

        var torrent = await api.Rpc.ResultAsync("torrents.get", new { info_hash = v1 });
        // libtorrent's total_done is every byte we have; its total is what it will request from peers, never more
        // than the torrent (2.0.8 reports 0 for a torrent that has every piece).
        Assert.Equal(150_000, torrent.GetProperty("total_done").GetInt64());
        Assert.InRange(torrent.GetProperty("total").GetInt64(), 0, 150_000);
        Assert.Equal(JsonValueKind.Number, torrent.GetProperty("download_rate").ValueKind);
        Assert.Equal(-1, torrent.GetProperty("eta").GetInt64());
    }
}
