using System.Diagnostics;
using System.Text.Json.Nodes;

namespace TorrentCluster.Bench.Scale;

/// <summary>
/// The rows that grow with the farm, for N metadata-only torrents on one embedded host: add (against bare
/// libtorrent), memory a torrent (against bare libtorrent), <c>torrents.list</c> on one silo, graceful stop, and
/// restart until the engine holds all N again. The host's CPU time is shown beside wall time (per batch of adds,
/// and for the restart): on a shared machine it does not count the time spent waiting for a core.
/// </summary>
internal sealed class FarmRows(ScaleOptions options, ScaleResults results, string workFolder)
{
    private const int Batch = 1000;

    public async Task RunAsync(int count, CancellationToken cancellation)
    {
        var label = $"{count:#,0}";
        var raw = new JsonObject();
        results.Raw[$"farm_{count}"] = raw;

        Console.WriteLine($"[farm {label}] bare libtorrent: add {label} metadata-only torrents");
        var folder = Path.Combine(workFolder, $"bare-meta-{count}");
        TorrentFactory.WriteFolder(folder, count, TorrentFactory.MetadataOnly);
        var bare = await BareLibtorrent.AddAsync(folder, Batch, cancellation);
        Directory.Delete(folder, recursive: true);
        var (bareStart, bareEnd) = TorrentAdder.Rates(bare.BatchSeconds, Batch);
        raw["bare"] = new JsonObject
        {
            ["add_seconds"] = bare.Seconds, ["rate_start"] = bareStart, ["rate_end"] = bareEnd,
            ["idle_rss_bytes"] = bare.IdleRssBytes, ["rss_bytes"] = bare.RssBytes, ["bytes_per_torrent"] = bare.BytesPerTorrent,
        };

        Console.WriteLine($"[farm {label}] TorrentCluster: start the embedded host");
        var data = Path.Combine(workFolder, $"host-meta-{count}");
        var (host, _) = await ProductHost.StartAsync(data, auth: false, cancellation, ProductHost.PatientCalls);
        await using (host)
        {
            var idle = await host.SettledResidentBytesAsync(cancellation);
            Console.WriteLine($"[farm {label}] TorrentCluster: add {label} in batches of {Batch}");
            var addWatch = Stopwatch.StartNew();
            var added = await TorrentAdder.AddAsync(host.Rpc, 0, count, Batch, TorrentFactory.MetadataOnly, "TorrentCluster", cancellation, host.CpuSeconds);
            var batches = added.Seconds;
            var addSeconds = addWatch.Elapsed.TotalSeconds;
            await EngineCount.WaitForAsync([host.Rpc], count, options.WaitTimeout, $"the engine to hold all {label} torrents", cancellation);
            var inEngineSeconds = addWatch.Elapsed.TotalSeconds;
            var (start, end) = TorrentAdder.Rates(batches, Batch);
            var (cpuStart, cpuEnd) = TorrentAdder.Edges(added.CpuSeconds);
            var loaded = await host.SettledResidentBytesAsync(cancellation);
            var perTorrent = (double)(loaded - idle) / count;
            raw["ours"] = new JsonObject
            {
                ["add_seconds"] = addSeconds, ["in_engine_seconds"] = inEngineSeconds, ["rate_start"] = start, ["rate_end"] = end,
                ["batch_seconds"] = new JsonArray([.. batches.Select(value => (JsonNode)value)]),
                ["batch_cpu_seconds"] = new JsonArray([.. added.CpuSeconds.Select(value => (JsonNode)value)]),
                ["idle_rss_bytes"] = idle, ["rss_bytes"] = loaded, ["bytes_per_torrent"] = perTorrent,
            };
            var scaled = addSeconds * 100_000 / count;
            results.Add(new Figure(
                $"add {label} torrents (JSON-RPC batches of {Batch:#,0})",
                $"{Format.Seconds(addSeconds)} ({Format.N0(start)}/s at the start, {Format.N0(end)}/s at the end; " +
                $"host CPU a batch {Format.Ms(cpuStart * 1000)} at the start, {Format.Ms(cpuEnd * 1000)} at the end)",
                $"bare libtorrent: {Format.Seconds(bare.Seconds)} ({Format.N0(bareStart)}/s, {Format.N0(bareEnd)}/s)",
                "under 60 s for 100,000 (pro rata), the rate at the end at least 80% of the start",
                scaled < 60 && end >= 0.8 * start));
            results.Add(new Figure(
                $"memory a torrent at {label} metadata-only torrents, over the idle process",
                $"{Format.Kb(perTorrent)} (RSS {Format.N0(loaded / 1e6)} MB, idle {Format.N0(idle / 1e6)} MB)",
                $"bare libtorrent: {Format.Kb(bare.BytesPerTorrent)}",
                "at most 2× bare libtorrent",
                perTorrent <= 2 * bare.BytesPerTorrent));

            Console.WriteLine($"[farm {label}] TorrentCluster: torrents.list, one silo");
            var byDefault = await ListingTimer.TimeAsync(host.Rpc, ListingTimer.DefaultOrder, count, cancellation);
            var byName = await ListingTimer.TimeAsync(host.Rpc, ListingTimer.NameDescending, count, cancellation);
            raw["list_default_ms"] = new JsonArray([.. byDefault.Select(value => (JsonNode)value)]);
            raw["list_name_desc_ms"] = new JsonArray([.. byName.Select(value => (JsonNode)value)]);
            results.Add(new Figure(
                $"`torrents.list`, page of 50, {label} torrents, one silo (median of {ListingTimer.Rounds})",
                $"{Format.Ms(Stats.Median(byDefault))} default order, {Format.Ms(Stats.Median(byName))} by name desc",
                "-",
                "under 50 ms",
                Stats.Median(byDefault) < 50 && Stats.Median(byName) < 50));

            Console.WriteLine($"[farm {label}] TorrentCluster: graceful stop and restart");
            var stop = await host.StopAsync(options.WaitTimeout);
            var restartWatch = Stopwatch.StartNew();
            var ready = await host.RestartAsync(cancellation);
            await EngineCount.WaitForAsync([host.Rpc], count, options.WaitTimeout, $"all {label} torrents back in the engine after the restart", cancellation);
            var restart = restartWatch.Elapsed;
            var restartCpu = host.CpuSeconds();
            raw["stop_seconds"] = stop.TotalSeconds;
            raw["restart_ready_seconds"] = ready.TotalSeconds;
            raw["restart_all_seconds"] = restart.TotalSeconds;
            raw["restart_cpu_seconds"] = restartCpu;
            results.Add(new Figure(
                $"graceful stop (SIGTERM to exit) with {label} torrents",
                Format.Seconds(stop.TotalSeconds), "-", "under 10 s", stop.TotalSeconds < 10));
            results.Add(new Figure(
                $"restart until all {label} are in the engine again",
                $"{Format.Seconds(restart.TotalSeconds)} (ready after {Format.Seconds(ready.TotalSeconds)}; {Format.Seconds(restartCpu)} of host CPU)", "-", "under 30 s", restart.TotalSeconds < 30));
        }

        Directory.Delete(data, recursive: true);
    }
}
