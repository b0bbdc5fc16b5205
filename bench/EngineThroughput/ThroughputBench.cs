using System.Globalization;
using TorrentCluster.Engine;
using TorrentCluster.Testing;

namespace TorrentCluster.Bench.EngineThroughput;

/// <summary>
/// One seeder, two downloaders taking turns on the same file: bare libtorrent (python3-libtorrent) and our engine.
/// Each run starts from an empty folder; both use TCP only on 127.0.0.1.
/// </summary>
internal sealed class ThroughputBench(int sizeMib, int rounds)
{
    private static readonly string Cache = Path.Combine(Path.GetTempPath(), "torrentcluster-bench");

    public async Task RunAsync()
    {
        var (torrentPath, dataFolder) = PrepareFile();
        var seederPort = FreePort.Next();
        await using var seeder = ExternalProcess.Start("/usr/bin/python3", [Script(), "seed", torrentPath, dataFolder, Text(seederPort)], package: "python3-libtorrent");
        await Eventually.Until(() => seeder.Output.Contains("seeding", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the seeder to start");

        var bare = new List<Run>();
        var ours = new List<Run>();
        for (var round = 1; round <= rounds; round++)
        {
            bare.Add(await DownloadAsync("bare libtorrent", "/usr/bin/python3", [Script(), "leech", torrentPath, "{out}", Text(FreePort.Next()), Text(seederPort)]));
            ours.Add(await DownloadAsync("TorrentCluster engine", "dotnet", [typeof(ThroughputBench).Assembly.Location, "--leech", torrentPath, "{out}", Text(seederPort)]));
        }

        var bareMedian = Median(bare);
        var oursMedian = Median(ours);
        Console.WriteLine();
        Console.WriteLine($"| downloader | runs (MB/s) | median MB/s | median seconds | peak RSS (MiB) |");
        Console.WriteLine($"|---|---|---|---|---|");
        Console.WriteLine(Row("bare libtorrent (python3-libtorrent 2.0.8)", bare, bareMedian));
        Console.WriteLine(Row("TorrentCluster engine", ours, oursMedian));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio ours/bare (median MB/s): {oursMedian.MegabytesPerSecond / bareMedian.MegabytesPerSecond:0.000}"));
    }

    private static async Task<Run> DownloadAsync(string name, string program, string[] arguments)
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

            var run = new Run(
                double.Parse(parts[0], CultureInfo.InvariantCulture),
                double.Parse(parts[1], CultureInfo.InvariantCulture),
                long.Parse(parts[2], CultureInfo.InvariantCulture) / 1024.0);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {run.Seconds:0.00} s, {run.MegabytesPerSecond:0.0} MB/s, peak RSS {run.PeakMib:0} MiB"));
            return run;
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

    private static Run Median(List<Run> runs) => runs.OrderBy(run => run.MegabytesPerSecond).ElementAt(runs.Count / 2);

    private static string Row(string name, List<Run> runs, Run median) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {name} | {string.Join(", ", runs.Select(run => run.MegabytesPerSecond.ToString("0", CultureInfo.InvariantCulture)))} | {median.MegabytesPerSecond:0} | {median.Seconds:0.00} | {runs.Max(run => run.PeakMib):0} |");

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed record Run(double Seconds, double MegabytesPerSecond, double PeakMib);
}
