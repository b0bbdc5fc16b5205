using System.Diagnostics;
using System.Text.Json.Nodes;
using TorrentCluster.Testing;

namespace TorrentCluster.Bench.Scale;

/// <summary>
/// The cluster-mode rows, on a Redis cluster of separate processes (redis-server, silos, a gateway) as operators
/// run it: Redis memory a torrent for realistic torrents, then <c>torrents.list</c> over the silos holding the fleet.
/// </summary>
internal sealed class FleetRows(ScaleOptions options, ScaleResults results)
{
    // Enough torrents that one record's size is not lost in Redis's rounding, few enough to add in seconds.
    private const int RedisSample = 20;

    private const int FleetBatch = 250;

    public async Task RunAsync(CancellationToken cancellation)
    {
        var silos = options.FleetSilos;
        var fleet = options.FleetTorrents;
        Console.WriteLine($"[fleet] start a Redis cluster of {silos} silos and a gateway");
        // The gateway waits 5 s for a grain's answer by default; on a shared 2-core machine a batch of adds can take
        // longer, and this row measures listing, not adding, so it waits longer rather than failing the run.
        await using var cluster = await RedisCluster.StartAsync(
            silos, gatewaySettings: new Dictionary<string, string> { ["TorrentCluster__Cluster__CallTimeout"] = "00:00:30" });
        using var gateway = new ScaleRpc(cluster.Gateway.BaseUri);
        var siloMetrics = cluster.SiloNames.Select(name => new ScaleRpc(cluster.Silo(name).BaseUri)).ToList();
        try
        {
            await RedisRowAsync(cluster, gateway, cancellation);

            Console.WriteLine($"[fleet] add {fleet:#,0} metadata-only torrents through the gateway");
            var filling = Stopwatch.StartNew();
            var batches = await TorrentAdder.AddAsync(gateway, 0, fleet, FleetBatch, TorrentFactory.MetadataOnly, "fleet", cancellation);
            var total = fleet + RedisSample;
            await EngineCount.WaitForAsync(siloMetrics, total, options.WaitTimeout, $"the silos to hold all {total:#,0} torrents", cancellation);
            var filled = filling.Elapsed.TotalSeconds;
            var (startRate, endRate) = TorrentAdder.Rates(batches.Seconds, FleetBatch);
            Console.WriteLine($"[fleet] filled in {Format.Seconds(filled)}: {Format.N0(fleet / filled)} adds/s ({Format.N0(startRate)}/s at the start, {Format.N0(endRate)}/s at the end)");
            var byDefault = await ListingTimer.TimeAsync(gateway, ListingTimer.DefaultOrder, total, cancellation);
            var byName = await ListingTimer.TimeAsync(gateway, ListingTimer.NameDescending, total, cancellation);
            results.Raw["fleet_list"] = new JsonObject
            {
                ["silos"] = silos, ["torrents"] = total,
                ["fill_s"] = filled, ["adds_per_s"] = fleet / filled, ["adds_per_s_start"] = startRate, ["adds_per_s_end"] = endRate,
                ["default_ms"] = new JsonArray([.. byDefault.Select(value => (JsonNode)value)]),
                ["name_desc_ms"] = new JsonArray([.. byName.Select(value => (JsonNode)value)]),
            };
            results.Add(new Figure(
                $"`torrents.list`, page of 50, {silos} silos holding {total:#,0} (Redis cluster, median of {ListingTimer.Rounds})",
                $"{Format.Ms(Stats.Median(byDefault))} default order, {Format.Ms(Stats.Median(byName))} by name desc (filled by JSON-RPC batches of {FleetBatch} in {Format.Seconds(filled)}, {Format.N0(fleet / filled)} adds/s)",
                "-",
                "under 200 ms over 3 silos holding 300,000",
                total >= 300_000 && silos >= 3 ? Stats.Median(byDefault) < 200 && Stats.Median(byName) < 200 : null));
        }
        finally
        {
            siloMetrics.ForEach(rpc => rpc.Dispose());
        }
    }

    // Everything Redis holds, before and after adding realistic torrents: the growth a torrent costs, whatever the
    // keys are called and however the records are split.
    private async Task RedisRowAsync(RedisCluster cluster, ScaleRpc gateway, CancellationToken cancellation)
    {
        Console.WriteLine($"[fleet] Redis memory of {RedisSample} realistic torrents");
        var before = await RedisKeys.MemoryByKeyAsync(cluster.Redis, cancellation);
        await TorrentAdder.AddAsync(gateway, 0, RedisSample, RedisSample, TorrentFactory.Realistic, "redis sample", cancellation);
        IReadOnlyDictionary<string, long> after = before;
        var previous = -1L;
        await Bounded.UntilAsync(
            async () =>
            {
                after = await RedisKeys.MemoryByKeyAsync(cluster.Redis, cancellation);
                var sum = after.Values.Sum();
                var growth = sum - before.Values.Sum();
                // Membership rows rewrite themselves meanwhile: settled is two readings within 1% of the growth.
                var settled = growth > 0 && Math.Abs(sum - previous) <= growth / 100;
                previous = sum;
                return settled;
            },
            TimeSpan.FromSeconds(90), "Redis to hold the sample torrents' records (two readings within 1%)", cancellation, intervalMs: 2000);
        var perTorrent = (double)(after.Values.Sum() - before.Values.Sum()) / RedisSample;
        var first = TorrentFactory.Realistic(0).InfoHash;
        var namedKeys = after.Where(pair => pair.Key.Contains(first, StringComparison.OrdinalIgnoreCase)).ToList();
        results.Raw["redis"] = new JsonObject
        {
            ["torrents"] = RedisSample, ["torrent_file_bytes"] = TorrentFactory.Realistic(0).File.Length,
            ["keys_before"] = before.Count, ["keys_after"] = after.Count,
            ["bytes_before"] = before.Values.Sum(), ["bytes_after"] = after.Values.Sum(), ["bytes_per_torrent"] = perTorrent,
            ["keys_of_one_torrent"] = new JsonObject(namedKeys.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value))),
        };
        results.Add(new Figure(
            $"Redis memory a torrent (cluster mode), {Format.Kb(TorrentFactory.Realistic(0).File.Length)} `.torrent` (`MEMORY USAGE` of all keys, growth over {RedisSample} torrents)",
            $"{Format.N0(perTorrent)} bytes ({Format.N0(namedKeys.Sum(pair => pair.Value))} in the keys named by its info-hash)",
            "-",
            "at most 2 KB",
            perTorrent <= 2048));
    }
}
