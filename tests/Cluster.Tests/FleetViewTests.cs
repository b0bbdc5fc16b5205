using System.Text.Json;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Cluster.Tests;

/// <summary>
/// The fleet views against what a client computes itself from the per-torrent peer lists, on three silo processes
/// whose torrents download from two loopback seeders that name themselves differently.
/// </summary>
public sealed class FleetViewTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Torrents = 6;

    [Fact]
    public async Task Fleet_peer_views_equal_what_the_per_torrent_peer_lists_add_up_to()
    {
        await using var cluster = await RedisCluster.StartAsync(silos: 3);
        // 32 KB/s per torrent and seeder: 2 MiB take half a minute, so every peer stays connected while we look.
        using var seederA = new LoopbackSeeder(uploadRateLimit: 32 * 1024, userAgent: "seeder-a/1.0");
        using var seederB = new LoopbackSeeder(uploadRateLimit: 32 * 1024, userAgent: "seeder-b/2.0");
        var hashes = new List<string>();
        for (var i = 0; i < Torrents; i++)
        {
            var (torrentFile, _) = seederA.Seed($"fleet-{i}.bin", 2L * 1024 * 1024, seed: 700 + i);
            seederB.Seed($"fleet-{i}.bin", 2L * 1024 * 1024, seed: 700 + i);
            var v1 = (await cluster.Gateway.Rpc.ResultAsync("torrents.add", new { ti = Convert.ToBase64String(torrentFile) })).GetProperty("info_hash")[0].GetString()!;
            await cluster.Gateway.Rpc.ResultAsync("torrents.peers.add", new { info_hash = v1, peers = new[] { new object[] { "127.0.0.1", seederA.Port }, new object[] { "127.0.0.1", seederB.Port } } });
            hashes.Add(v1);
        }

        var byHashes = new { info_hashes = hashes.Select(hash => new[] { hash, null }).ToArray() };
        await Eventually.Until(
            async () => (await cluster.Gateway.Rpc.ResultAsync("torrents.peers.list", byHashes)).GetProperty("peers").GetArrayLength() == 2 * Torrents,
            TimeSpan.FromSeconds(30),
            "every torrent to be connected to both seeders");

        // Peers move between snapshots (at most a second old on each silo): compare until one round agrees.
        await Eventually.Until(() => ViewsAgreeAsync(cluster, byHashes), TimeSpan.FromSeconds(20), "the fleet views to agree with the per-torrent lists");

        // What the API shows (docs/api.md quotes these).
        foreach (var (method, parameters) in new (string, object)[]
        {
            ("fleet.peers.summary", new { group_by = "client", top = 10 }),
            ("fleet.peers.list", new { filters = new { client = "seeder-b" }, order_by = "total_download", page_size = 2 }),
            ("torrents.peers.list", new { info_hashes = new[] { new[] { hashes[0], null } } }),
        })
        {
            output.WriteLine($"{method}: {(await cluster.Gateway.Rpc.CallAsync(method, parameters)).GetRawText()}");
        }

        // One unknown hash: the others still answer, the unknown one gets an error of its own.
        var unknown = new string('e', 40);
        var mixed = await cluster.Gateway.Rpc.ResultAsync("torrents.peers.list", new { info_hashes = new[] { new[] { hashes[0], null }, new[] { unknown, null } } });
        Assert.Equal(2, mixed.GetProperty("peers").GetArrayLength());
        var error = Assert.Single(mixed.GetProperty("errors").EnumerateArray());
        Assert.Equal(unknown, error.GetProperty("info_hash")[0].GetString());
        Assert.Equal(-1, error.GetProperty("code").GetInt32());

        var stats = await cluster.Gateway.Rpc.ResultAsync("fleet.stats", new { });
        output.WriteLine($"fleet.stats: {stats.GetRawText()}");
        Assert.True(stats.GetProperty("peers").GetInt64() >= 2 * Torrents);
        Assert.Equal(3, stats.GetProperty("silos").GetArrayLength());
        Assert.All(stats.GetProperty("silos").EnumerateArray(), silo => Assert.True(silo.GetProperty("history").GetArrayLength() >= 1));
        Assert.Equal(Torrents, stats.GetProperty("torrents_by_state").EnumerateObject().Sum(state => state.Value.GetInt32()));
    }

    private static async Task<bool> ViewsAgreeAsync(RedisCluster cluster, object byHashes)
    {
        var peers = (await cluster.Gateway.Rpc.ResultAsync("torrents.peers.list", byHashes)).GetProperty("peers").EnumerateArray().Select(peer => peer.Clone()).ToList();
        var byClient = await cluster.Gateway.Rpc.ResultAsync("fleet.peers.summary", new { group_by = "client", top = 100 });
        var bySilo = await cluster.Gateway.Rpc.ResultAsync("fleet.peers.summary", new { group_by = "silo", top = 100 });
        var silo = peers[0].GetProperty("silo").GetString()!;
        var filtered = new (object Filters, Func<JsonElement, bool> Expected)[]
        {
            (new { client = "SEEDER-A" }, peer => peer.GetProperty("client").GetString()!.Contains("seeder-a", StringComparison.Ordinal)),
            (new { silo }, peer => peer.GetProperty("silo").GetString() == silo),
            (new { ip = "127.0.0.0/8", direction = "outgoing" }, _ => true),
            (new { ip = "10.0.0.0/8" }, _ => false),
            (new { direction = "incoming" }, _ => false),
        };
        foreach (var (filters, expected) in filtered)
        {
            var listed = await AllPagesAsync(cluster, filters);
            var computed = peers.Where(expected).Select(Identity).Order(StringComparer.Ordinal).ToList();
            if (!listed.Select(Identity).SequenceEqual(computed))
            {
                return false;
            }
        }

        return SameGroups(byClient, peers, peer => peer.GetProperty("client").GetString()!)
            && SameGroups(bySilo, peers, peer => peer.GetProperty("silo").GetString()!);
    }

    // Every group of the summary equals the same grouping of the per-torrent lists, field for field.
    private static bool SameGroups(JsonElement summary, List<JsonElement> peers, Func<JsonElement, string> key)
    {
        var expected = peers.GroupBy(key).ToDictionary(group => group.Key, group => group.ToList());
        var groups = summary.GetProperty("groups").EnumerateArray().ToList();
        return groups.Count == expected.Count
            && summary.GetProperty("totals").GetProperty("connections").GetInt32() == peers.Count
            && groups.All(group => expected.TryGetValue(group.GetProperty("key").GetString()!, out var members)
                && group.GetProperty("connections").GetInt32() == members.Count
                && group.GetProperty("distinct_ips").GetInt32() == members.Select(peer => peer.GetProperty("ip")[0].GetString()).Distinct().Count()
                && group.GetProperty("down_speed").GetInt64() == members.Sum(peer => peer.GetProperty("down_speed").GetInt64())
                && group.GetProperty("total_download").GetInt64() == members.Sum(peer => peer.GetProperty("total_download").GetInt64()));
    }

    // Pages of 5, sorted by a field every peer shares, so the order is the tie-break: torrent, address, port.
    private static async Task<List<JsonElement>> AllPagesAsync(RedisCluster cluster, object filters)
    {
        var all = new List<JsonElement>();
        for (var page = 0; ; page++)
        {
            var answer = await cluster.Gateway.Rpc.CallAsync("fleet.peers.list", new { filters, order_by = "connection_type", order_by_dir = "asc", page, page_size = 5 });
            if (!answer.TryGetProperty("result", out var result))
            {
                // No peer matches: page 0 of nothing is still page 0, not past the end.
                throw new InvalidOperationException($"fleet.peers.list failed: {answer}");
            }

            all.AddRange(result.GetProperty("peers").EnumerateArray().Select(peer => peer.Clone()));
            if (all.Count >= result.GetProperty("peers_total").GetInt32())
            {
                return all;
            }
        }
    }

    private static string Identity(JsonElement peer) =>
        $"{peer.GetProperty("info_hash")[0].GetString()}|{peer.GetProperty("ip")[0].GetString()}|{peer.GetProperty("ip")[1].GetInt32():D5}";
}
