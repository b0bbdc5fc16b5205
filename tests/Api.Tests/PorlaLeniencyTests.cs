using System.Text.Json;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Api.Tests;

/// <summary>
/// What Porla passes over instead of failing the call (its torrentsremove.cpp, torrentspeersadd.cpp): a client
/// written against Porla gets the same answer, and the good part of what it asked for is done.
/// </summary>
[Collection(ApiClusterCollection.Name)]
public sealed class PorlaLeniencyTests(ApiCluster api)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Remove_passes_over_an_unknown_hash_and_removes_the_known_ones()
    {
        var (ti, folder) = api.MakeTorrent("remove-mixed", 50_000, seed: 31);
        var known = await api.AddAsync(new { ti, save_path = folder });
        var unknown = new string('e', 40);

        var answer = await api.Rpc.ResultAsync("torrents.remove", new { info_hashes = new[] { unknown, known }, remove_data = false });

        Assert.Equal(JsonValueKind.Null, answer.ValueKind);
        await Shape.ErrorAsync(api.Rpc, -1, "torrents.get", new { info_hash = known });
    }

    [Fact]
    public async Task Peers_add_passes_over_endpoints_that_are_not_and_connects_the_good_one()
    {
        using var seeder = new LoopbackSeeder(uploadRateLimit: 0);
        var (torrentFile, _) = seeder.Seed("peers-mixed", 200_000, seed: 32);
        var v1 = await api.AddAsync(new { ti = Convert.ToBase64String(torrentFile), save_path = Path.Combine(api.Root.Path, "peers-mixed") });

        var answer = await api.Rpc.ResultAsync("torrents.peers.add", new
        {
            info_hash = v1,
            peers = new object[]
            {
                new object[] { "not an address", 6881 },
                new object[] { "127.0.0.1", 0 },
                new object[] { "127.0.0.1", 70_000 },
                new object[] { "127.0.0.1", seeder.Port },
            },
        });

        Assert.Equal(JsonValueKind.True, answer.ValueKind);
        await Eventually.Until(
            async () => (await api.Rpc.ResultAsync("torrents.get", new { info_hash = v1 })).GetProperty("progress").GetDouble() >= 1.0,
            Patience,
            "the torrent downloads from the one good peer");
    }
}
