using System.Text.Json.Nodes;

namespace TorrentCluster.Bench.Scale;

/// <summary>
/// Memory a torrent with realistic torrents (2,000 pieces, 20 files, about 40 KB of .torrent), ours against bare
/// libtorrent holding the same torrents.
/// </summary>
internal sealed class RealisticMemoryRow(ScaleOptions options, ScaleResults results, string workFolder)
{
    // 100 torrents of 40 KB are a 5.4 MB request in base64, well under the gateway's request limit.
    private const int Batch = 100;

    public async Task RunAsync(CancellationToken cancellation)
    {
        var count = options.Realistic;
        var label = $"{count:#,0}";
        Console.WriteLine($"[realistic {label}] bare libtorrent");
        var folder = Path.Combine(workFolder, "bare-realistic");
        TorrentFactory.WriteFolder(folder, count, TorrentFactory.Realistic);
        var bare = await BareLibtorrent.AddAsync(folder, Batch, cancellation);
        Directory.Delete(folder, recursive: true);

        Console.WriteLine($"[realistic {label}] TorrentCluster");
        var data = Path.Combine(workFolder, "host-realistic");
        var (host, _) = await ProductHost.StartAsync(data, auth: false, cancellation, ProductHost.PatientCalls);
        double perTorrent;
        long idle, loaded;
        await using (host)
        {
            idle = await host.SettledResidentBytesAsync(cancellation);
            await TorrentAdder.AddAsync(host.Rpc, 0, count, Batch, TorrentFactory.Realistic, "TorrentCluster", cancellation);
            await EngineCount.WaitForAsync([host.Rpc], count, options.WaitTimeout, $"the engine to hold all {label} realistic torrents", cancellation);
            loaded = await host.SettledResidentBytesAsync(cancellation);
            perTorrent = (double)(loaded - idle) / count;
        }

        Directory.Delete(data, recursive: true);
        results.Raw["realistic"] = new JsonObject
        {
            ["count"] = count, ["torrent_file_bytes"] = TorrentFactory.Realistic(0).File.Length,
            ["ours_idle_rss_bytes"] = idle, ["ours_rss_bytes"] = loaded, ["ours_bytes_per_torrent"] = perTorrent,
            ["bare_idle_rss_bytes"] = bare.IdleRssBytes, ["bare_rss_bytes"] = bare.RssBytes, ["bare_bytes_per_torrent"] = bare.BytesPerTorrent,
        };
        results.Add(new Figure(
            $"memory a torrent with realistic torrents: {label} of 2,000 pieces, 20 files ({Format.Kb(TorrentFactory.Realistic(0).File.Length)} .torrent)",
            $"{Format.Kb(perTorrent)} (RSS {Format.N0(loaded / 1e6)} MB)",
            $"bare libtorrent: {Format.Kb(bare.BytesPerTorrent)}",
            "at most 2× bare libtorrent",
            perTorrent <= 2 * bare.BytesPerTorrent));
    }
}
