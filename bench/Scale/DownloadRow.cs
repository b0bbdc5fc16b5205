using System.Diagnostics;
using System.Text.Json.Nodes;

namespace TorrentCluster.Bench.Scale;

/// <summary>
/// Download of one file (1 GiB by default) from a bare libtorrent seeder (TCP only, as in the issue) through the
/// whole path, with the product's default settings: added by <c>torrents.add</c>, told the seeder's address by
/// <c>torrents.peers.add</c>, finished when <c>torrents.list</c> shows progress 1. Against bare libtorrent
/// downloading the same file from the same seeder twice a round, with uTP off (the issue's anchor, to which the row's
/// ratio is taken) and with its default settings (where an outgoing uTP attempt to the TCP-only seeder first waits
/// for a timeout); the three take turns, each into an empty folder, and the medians compare. Our host is warmed up
/// with a paused torrent before the clock starts.
/// </summary>
internal sealed class DownloadRow(ScaleOptions options, ScaleResults results, string workFolder)
{
    public async Task RunAsync(CancellationToken cancellation)
    {
        var (torrentPath, torrent, dataFolder) = Payload();
        var size = new FileInfo(Path.Combine(dataFolder, "payload.bin")).Length;
        var (seeder, seederPort) = await BareLibtorrent.SeedAsync([(torrentPath, dataFolder)], uploadLimit: 0, connectTo: 0, cancellation);
        var bareTcp = new List<double>();
        var bareDefault = new List<double>();
        var ours = new List<double>();
        await using (seeder)
        {
            for (var round = 1; round <= options.DownloadRounds; round++)
            {
                bareTcp.Add(await BareAsync(torrentPath, seederPort, round, utp: false, cancellation));
                Console.WriteLine($"[download] round {round}: bare libtorrent, uTP off {Format.N0(bareTcp[^1])} MB/s");
                bareDefault.Add(await BareAsync(torrentPath, seederPort, round, utp: true, cancellation));
                Console.WriteLine($"[download] round {round}: bare libtorrent, default settings {Format.N0(bareDefault[^1])} MB/s");

                ours.Add(size / await OursAsync(torrent, seederPort, round, cancellation) / 1e6);
                Console.WriteLine($"[download] round {round}: TorrentCluster {Format.N0(ours[^1])} MB/s");
            }
        }

        var ratio = Stats.Median(ours) / Stats.Median(bareTcp);
        var ratioToDefault = Stats.Median(ours) / Stats.Median(bareDefault);
        results.Raw["download"] = new JsonObject
        {
            ["bytes"] = size,
            ["bare_utp_off_mb_per_s"] = new JsonArray([.. bareTcp.Select(value => (JsonNode)value)]),
            ["bare_mb_per_s"] = new JsonArray([.. bareDefault.Select(value => (JsonNode)value)]),
            ["ours_mb_per_s"] = new JsonArray([.. ours.Select(value => (JsonNode)value)]),
            ["ratio_of_medians"] = ratio,
            ["ratio_of_medians_to_default_bare"] = ratioToDefault,
        };
        results.Add(new Figure(
            $"download {Format.N0(size / 1048576.0)} MiB from a bare libtorrent seeder (TCP only) through the whole path, our default settings, median of {options.DownloadRounds}",
            $"{Format.N2(ratio)}× bare libtorrent with uTP off ({Format.N0(Stats.Median(ours))} MB/s; runs {string.Join(", ", ours.Select(Format.N0))}); {Format.N2(ratioToDefault)}× its default settings",
            $"bare libtorrent, uTP off: {Format.N0(Stats.Median(bareTcp))} MB/s (runs {string.Join(", ", bareTcp.Select(Format.N0))}); " +
            $"default settings: {Format.N0(Stats.Median(bareDefault))} MB/s (runs {string.Join(", ", bareDefault.Select(Format.N0))})",
            "0.95× or more",
            ratio >= 0.95));
    }

    // MB/s of one bare libtorrent download into an empty folder.
    private async Task<double> BareAsync(string torrentPath, int seederPort, int round, bool utp, CancellationToken cancellation)
    {
        var output = Path.Combine(workFolder, $"bare-download-{round}-{(utp ? "default" : "utp-off")}");
        Directory.CreateDirectory(output);
        var (seconds, bytes) = await BareLibtorrent.LeechAsync(torrentPath, output, seederPort, utp, cancellation);
        Directory.Delete(output, recursive: true);
        return bytes / seconds / 1e6;
    }

    // Seconds from the torrents.add call to the first torrents.list that shows the download complete.
    private async Task<double> OursAsync(GeneratedTorrent torrent, int seederPort, int round, CancellationToken cancellation)
    {
        var data = Path.Combine(workFolder, $"host-download-{round}");
        var (host, _) = await ProductHost.StartAsync(data, auth: false, cancellation);
        double seconds;
        await using (host)
        {
            await WarmUpAsync(host.Rpc, cancellation);
            var hash = new[] { torrent.InfoHash, null };
            var watch = Stopwatch.StartNew();
            await host.Rpc.CallAsync("torrents.add", new { ti = Convert.ToBase64String(torrent.File) }, cancellation);
            await host.Rpc.CallAsync("torrents.peers.add", new { info_hash = hash, peers = new[] { new object[] { "127.0.0.1", seederPort } } }, cancellation);
            await Bounded.UntilAsync(
                async () =>
                {
                    var list = await host.Rpc.CallAsync("torrents.list", new { page_size = 50 }, cancellation);
                    return list.GetProperty("torrents").EnumerateArray()
                        .Any(item => item.GetProperty("info_hash")[0].GetString() == torrent.InfoHash && item.GetProperty("progress").GetDouble() >= 1);
                },
                TimeSpan.FromMinutes(10), "our download to finish", cancellation, intervalMs: 50);
            seconds = watch.Elapsed.TotalSeconds;
        }

        Directory.Delete(data, recursive: true);
        return seconds;
    }

    // A host that has served calls before, as an operator's has: the first add of a fresh process pays for JIT
    // compilation and first activations (about a second on this machine), which says nothing about a download. The
    // same calls the download makes, on a paused metadata-only torrent, before the clock starts.
    private static async Task WarmUpAsync(ScaleRpc rpc, CancellationToken cancellation)
    {
        var warmUp = TorrentFactory.MetadataOnly(0);
        await rpc.CallAsync("torrents.add", new { ti = Convert.ToBase64String(warmUp.File), paused = true }, cancellation);
        await rpc.CallAsync("torrents.peers.add", new { info_hash = new[] { warmUp.InfoHash, null }, peers = new[] { new object[] { "127.0.0.1", 9 } } }, cancellation);
        await rpc.CallAsync("torrents.list", new { page_size = 50 }, cancellation);
    }

    // The payload and its torrent are kept between runs (generating and hashing 1 GiB takes a while).
    private (string TorrentPath, GeneratedTorrent Torrent, string DataFolder) Payload()
    {
        var cache = Path.Combine(Path.GetTempPath(), "torrentcluster-bench", $"scale-download-{options.DownloadMib}");
        var file = Path.Combine(cache, "payload.bin");
        var torrentPath = Path.Combine(cache, "payload.torrent");
        Directory.CreateDirectory(cache);
        if (!File.Exists(file) || new FileInfo(file).Length != options.DownloadMib * 1048576L)
        {
            Console.WriteLine($"[download] generating {options.DownloadMib} MiB in {cache}");
            TorrentFactory.WriteRandomFile(file, options.DownloadMib * 1048576L, seed: 1);
            File.Delete(torrentPath);
            File.Delete(Path.Combine(cache, "payload.infohash"));
        }

        var hashPath = Path.Combine(cache, "payload.infohash");
        if (!File.Exists(torrentPath) || !File.Exists(hashPath))
        {
            var created = TorrentFactory.OfFile(file, 1 << 20);
            File.WriteAllBytes(torrentPath, created.File);
            File.WriteAllText(hashPath, created.InfoHash);
        }

        return (torrentPath, new GeneratedTorrent(File.ReadAllBytes(torrentPath), File.ReadAllText(hashPath).Trim()), cache);
    }
}
