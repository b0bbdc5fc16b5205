using System.Globalization;
using System.Text.Json;
using TorrentCluster.Engine;
using TorrentCluster.Testing;

namespace TorrentCluster.Bench.EngineThroughput;

/// <summary>
/// One seeder, two downloaders taking turns on the same file: bare libtorrent (python3-libtorrent) and our engine
/// alone (the whole path through the embedded host is bench/Scale's download row). Each run starts
/// from an empty folder on the same disk (below the temporary folder); the seeder and the bare downloader use TCP only
/// on 127.0.0.1, ours its own settings.
/// </summary>
internal sealed class ThroughputBench(int sizeMib, int rounds, bool json)
{
    private static readonly string Cache = Path.Combine(Path.GetTempPath(), "torrentcluster-bench");

    public async Task RunAsync()
    {
        var (torrentPath, dataFolder) = PrepareFile();
        var seederPort = FreePort.Next();
        await using var seeder = ExternalProcess.Start("/usr/bin/python3", [Script(), "seed", torrentPath, dataFolder, Text(seederPort)], package: "python3-libtorrent");
        await Eventually.Until(() => seeder.Output.Contains("seeding", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the seeder to start");

        var oursName = "TorrentCluster engine";
        var bare = new List<DownloadRun>();
        var ours = new List<DownloadRun>();
        for (var round = 1; round <= rounds; round++)
        {
            bare.Add(Report("bare libtorrent", await DownloadAsync("bare libtorrent", "/usr/bin/python3", [Script(), "leech", torrentPath, "{out}", Text(FreePort.Next()), Text(seederPort)])));
            ours.Add(Report(oursName, await DownloadAsync(oursName, "dotnet", [typeof(ThroughputBench).Assembly.Location, "--leech", torrentPath, "{out}", Text(seederPort)])));
        }

        var bareMedian = Median(bare);
        var oursMedian = Median(ours);
        var ratio = oursMedian.MegabytesPerSecond / bareMedian.MegabytesPerSecond;
        Console.WriteLine();
        Console.WriteLine($"| downloader | runs (MB/s) | median MB/s | median seconds | peak RSS (MiB) |");
        Console.WriteLine($"|---|---|---|---|---|");
        Console.WriteLine(Row("bare libtorrent (python3-libtorrent 2.0.8)", bare, bareMedian));
        Console.WriteLine(Row(oursName, ours, oursMedian));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio ours/bare (median MB/s): {ratio:0.000}"));
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                bench = "download",
                size_mib = sizeMib,
                rounds,
                storage = $"{Cache} ({FileSystemOf(Cache)})",
                bare_mbps = bare.Select(run => Math.Round(run.MegabytesPerSecond, 1)),
                ours_mbps = ours.Select(run => Math.Round(run.MegabytesPerSecond, 1)),
                bare_median_mbps = Math.Round(bareMedian.MegabytesPerSecond, 1),
                ours_median_mbps = Math.Round(oursMedian.MegabytesPerSecond, 1),
                ours_peak_rss_mib = Math.Round(ours.Max(run => run.PeakMib)),
                ratio = Math.Round(ratio, 3),
            }));
        }
    }

    private static DownloadRun Report(string name, DownloadRun run)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {run.Seconds:0.00} s, {run.MegabytesPerSecond:0.0} MB/s, peak RSS {run.PeakMib:0} MiB"));
        return run;
    }

    // The file system type of the folder's mount (tmpfs or a disk), for the report.
    private static string FileSystemOf(string folder)
    {
        var best = (Mount: string.Empty, Type: "unknown");
        foreach (var line in File.ReadLines("/proc/mounts"))
        {
            var fields = line.Split(' ');
            if (fields.Length > 2 && folder.StartsWith(fields[1], StringComparison.Ordinal) && fields[1].Length > best.Mount.Length)
            {
                best = (fields[1], fields[2]);
            }
        }

        return best.Type;
    }

    private static async Task<DownloadRun> DownloadAsync(string name, string program, string[] arguments)
    {
        var output = Path.Combine(Cache, "out-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(output);
        try
        {
            await using var process = ExternalProcess.Start(program, arguments.Select(a => a == "{out}" ? output : a), package: "python3-libtorrent");
            var exit = await process.WaitForExitAsync(TimeSpan.FromMinutes(10));
            var line = process.Output.Split('\n').LastOrDefault(l => l.Split(' ').Length == 3) ?? string.Empty;
            var parts = line.Split(' ');
            if (exit != 0 || parts.Length != 3)
            {
                throw new InvalidOperationException($"{name} failed ({exit}):\n{process.Output}");
            }

            return new DownloadRun(
                double.Parse(parts[0], CultureInfo.InvariantCulture),
                double.Parse(parts[1], CultureInfo.InvariantCulture),
                long.Parse(parts[2], CultureInfo.InvariantCulture) / 1024.0);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private (string TorrentPath, string DataFolder) PrepareFile()
    {
        var dataFolder = Path.Combine(Cache, $"data-{sizeMib}");
        var file = Path.Combine(dataFolder, "payload.bin");
        var torrentPath = Path.Combine(Cache, $"payload-{sizeMib}.torrent");
        if (!File.Exists(file) || new FileInfo(file).Length != sizeMib * 1024L * 1024 || !File.Exists(torrentPath))
        {
            Console.WriteLine($"generating {sizeMib} MiB and its torrent in {Cache}");
            TestFiles.CreateRandom(file, sizeMib * 1024L * 1024, seed: 1);
            File.WriteAllBytes(torrentPath, TorrentCreator.Create(new CreateTorrentOptions { Path = file, Version = TorrentVersion.V1 }));
        }

        return (torrentPath, dataFolder);
    }

    private static string Script()
    {
        var directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "bench", "tools", "lt_peer.py")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return Path.Combine(directory ?? throw new FileNotFoundException("bench/tools/lt_peer.py"), "bench", "tools", "lt_peer.py");
    }

    private static DownloadRun Median(List<DownloadRun> runs) => runs.OrderBy(run => run.MegabytesPerSecond).ElementAt(runs.Count / 2);

    private static string Row(string name, List<DownloadRun> runs, DownloadRun median) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {name} | {string.Join(", ", runs.Select(run => run.MegabytesPerSecond.ToString("0", CultureInfo.InvariantCulture)))} | {median.MegabytesPerSecond:0} | {median.Seconds:0.00} | {runs.Max(run => run.PeakMib):0} |");

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
