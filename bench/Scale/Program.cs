using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using TorrentCluster.Bench.Scale;

// Every row of issue 13's table in one run, side by side with bare libtorrent and Transmission; see ScaleOptions.Usage.
// The table's numbers read the same on every machine: 12,345.6, not the local culture's.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
using var cancellation = new CancellationTokenSource();
// Ctrl+C or SIGTERM cancels the run; the processes it started are stopped by id as the steps unwind.
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);

var step = "arguments";
var work = Path.Combine(Path.GetTempPath(), "torrentcluster-bench", "scale-" + Guid.NewGuid().ToString("N")[..8]);
try
{
    if (args is ["--help"] or ["-h"])
    {
        Console.WriteLine(ScaleOptions.Usage);
        return 0;
    }

    var options = ScaleOptions.Parse(args);
    Directory.CreateDirectory(work);
    var started = DateTimeOffset.UtcNow;
    var watch = Stopwatch.StartNew();
    var load = Machine.LoadAverage();
    var machine = Machine.Describe(work);
    var results = new ScaleResults();
    Console.WriteLine($"bench/Scale in {work}; load average {load}");

    if (options.Runs("farm"))
    {
        foreach (var count in options.Torrents)
        {
            step = $"farm of {count:#,0}";
            await new FarmRows(options, results, work).RunAsync(count, cancellation.Token);
        }
    }

    if (options.Runs("realistic"))
    {
        step = "realistic memory";
        await new RealisticMemoryRow(options, results, work).RunAsync(cancellation.Token);
    }

    if (options.Runs("fleet"))
    {
        step = "Redis cluster (Redis memory, fleet listing)";
        await new FleetRows(options, results).RunAsync(cancellation.Token);
        if (options.FleetTorrents < 300_000 || options.FleetSilos < 3)
        {
            results.Notes.Add($"The fleet listing ran on {options.FleetSilos} silos holding {options.FleetTorrents:#,0} metadata-only torrents " +
                              "(`--fleet-silos`, `--fleet-torrents`), not the target's 3 silos holding 300,000, to fit the run's time; its met? is left open.");
        }
    }

    if (options.Runs("peers"))
    {
        step = "torrents.peers.list against Transmission";
        await new PeersRow(options, results, work).RunAsync(cancellation.Token);
    }

    if (options.Runs("download"))
    {
        step = "download against bare libtorrent";
        await new DownloadRow(options, results, work).RunAsync(cancellation.Token);
    }

    if (options.Steps.Count < ScaleOptions.AllSteps.Length)
    {
        results.Notes.Add($"Only these steps ran: {string.Join(", ", options.Steps)}.");
    }

    step = "writing the report";
    ReportWriter.Write(options, results, machine, started, watch.Elapsed, load);
    Console.WriteLine($"bench/Scale done in {watch.Elapsed.TotalMinutes:0.0} min: {options.Out}, {options.Json}");
    return 0;
}
catch (Exception exception) when (exception is OperationCanceledException && cancellation.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync($"bench/Scale interrupted during {step}; nothing written");
    return 130;
}
catch (Exception exception)
{
    await Console.Error.WriteLineAsync(exception.ToString());
    var message = exception.Message.Split('\n')[0];
    await Console.Error.WriteLineAsync($"bench/Scale FAILED during {step}: {message}");
    return 1;
}
finally
{
    try
    {
        Directory.Delete(work, recursive: true);
    }
    catch (DirectoryNotFoundException)
    {
        // Nothing was made.
    }
    catch (IOException)
    {
        // A process may still hold a file for a moment; /tmp is cleaned by the system.
    }
}

void Cancel(PosixSignalContext context)
{
    context.Cancel = true;
    cancellation.Cancel();
}
