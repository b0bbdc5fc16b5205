using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Playwright;
using TorrentCluster.Bench.ConsoleLoad;
using TorrentCluster.Bench.Scale;
using TorrentCluster.Console.Tests;

// Issue 15's console target: the Torrents page over 10,000 torrents on 3 silos shows its first page in under one
// second. A real Redis cluster, filled through the API; Debian's chromium loads the page logged in; see LoadOptions.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
using var cancellation = new CancellationTokenSource();
// Ctrl+C or SIGTERM cancels the run; the processes it started are stopped by id as the steps unwind.
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);

var step = "arguments";
try
{
    if (args is ["--help"] or ["-h"])
    {
        Console.WriteLine(LoadOptions.Usage);
        return 0;
    }

    var options = LoadOptions.Parse(args);
    var started = DateTimeOffset.UtcNow;
    var watch = Stopwatch.StartNew();
    var loadAtStart = Machine.LoadAverage();

    step = $"starting a Redis cluster of {options.Silos} silos";
    Console.WriteLine($"bench/ConsoleLoad: {step}; load average {loadAtStart}");
    await using var fleet = await BenchFleet.StartAsync(options.Silos);

    step = $"adding {options.Torrents:#,0} torrents";
    Console.WriteLine($"[fill] {step} in JSON-RPC batches of {options.Batch} through {fleet.Gateway}");
    var filled = await fleet.FillAsync(options.Torrents, options.Batch, options.WaitTimeout, cancellation.Token);
    var spread = await fleet.SpreadAsync(cancellation.Token);
    var spreadText = string.Join(", ", spread.Select(pair => $"{pair.Key} {pair.Value:#,0}"));
    Console.WriteLine($"[fill] done in {Format.Seconds(filled)} ({Format.N0(options.Torrents / filled)} adds/s): {spreadText}");

    // The gateway's first listing after the fill pays for its listing path's first run; the pages' loads should not.
    step = "the first torrents.list";
    var firstListing = await fleet.Rpc.TimeCallAsync("torrents.list", new { page_size = 50 }, cancellation.Token);
    Console.WriteLine($"[list] the first torrents.list after filling: {Format.Ms(firstListing)}");

    step = "launching chromium";
    await using var browser = await ConsoleBrowser.LaunchAsync();
    var scenarios = new LoadScenarios(browser, fleet, options);
    using var gatewayMetrics = new ScaleRpc(fleet.Gateway);
    var gatewayTime = new GatewayRpcTime(gatewayMetrics);
    var results = new List<ScenarioResult>();
    // The same cold load through the bench's route both ways, so that only the page's modulepreload links differ.
    const string PreloadsKept = "cold load, the page through the bench with its module preloads";
    const string PreloadsRemoved = "cold load, the page through the bench without its module preloads";
    var notes = new List<string>();
    foreach (var (name, measure) in new (string, Func<Task<IReadOnlyList<LoadSample>>>)[]
    {
        ("cold load (new context, nothing cached)", () => scenarios.ColdAsync(LoadScenarios.DefaultView)),
        ("warm load (same page, navigated again)", () => scenarios.WarmAsync(LoadScenarios.DefaultView)),
        ($"cold load of the PQL query `{options.Query}` (in the address)", () => scenarios.ColdAsync(scenarios.QueryView)),
        ($"cold load sorted by {options.SortField}, largest first (in the address)", () => scenarios.ColdAsync(scenarios.SortView)),
        ("the PQL query typed into the loaded page's search box", scenarios.QueryAsync),
        ($"a click on the loaded page's {options.SortColumn} header", scenarios.SortAsync),
        (PreloadsKept, () => scenarios.ColdAsync(LoadScenarios.DefaultView, ModulePreloadLinks.Kept)),
        (PreloadsRemoved, () => scenarios.ColdAsync(LoadScenarios.DefaultView, ModulePreloadLinks.Removed)),
    })
    {
        step = name;
        Console.WriteLine($"[page] {name}: {options.Loads} runs");
        try
        {
            var before = await gatewayTime.ReadAsync(cancellation.Token);
            var loads = await measure();
            var (gatewayMeanMs, gatewayCalls) = GatewayRpcTime.Between(before, await gatewayTime.ReadAsync(cancellation.Token));
            var api = await ApiTimer.TimeAsync(fleet.Rpc, loads[0].ParamsJson, options.Loads * 2, cancellation.Token);
            results.Add(new ScenarioResult(name, loads, gatewayMeanMs, gatewayCalls, api));
            Console.WriteLine($"    whole first page: {string.Join(", ", loads.Select(load => Format.Ms(load.ToFullPage)))}");
        }
        catch (Exception exception) when (exception is TimeoutException or PlaywrightException or BenchStepException)
        {
            // A page that lacks what a scenario needs is a finding of the run, not the end of it.
            var why = exception.Message.Split('\n')[0];
            notes.Add($"{name}: not measured ({why})");
            Console.WriteLine($"    not measured: {why}");
        }
    }

    if (results.Count == 0)
    {
        throw new BenchStepException("no scenario could be measured: " + string.Join("; ", notes));
    }

    if (results.SingleOrDefault(result => result.Name == PreloadsKept) is { } kept
        && results.SingleOrDefault(result => result.Name == PreloadsRemoved) is { } removed)
    {
        var keptMedian = Stats.Median([.. kept.Loads.Select(load => load.ToFullPage)]);
        var removedMedian = Stats.Median([.. removed.Loads.Select(load => load.ToFullPage)]);
        notes.Add($"Module preloads: a cold load's whole first page in {Format.Ms(keptMedian)} (median) with them, {Format.Ms(removedMedian)} without: " +
                  $"without them a load takes {removedMedian / keptMedian:0.00}× as long.");
    }

    if (scenarios.FirstLoad is { } first)
    {
        notes.Add($"The bench's very first page load, uncounted (the gateway's first console files and cookie-authenticated calls, chromium's first renderer): " +
                  $"whole first page in {Format.Ms(first.ToFullPage)}, its torrents.list {Format.Ms(first.Call)} (first byte on the wire {(first.CallFirstByte is { } firstByte ? Format.Ms(firstByte) : "-")}).");
    }

    step = "torrents.list beside cluster.silos.list";
    var (beside, silosList) = await ApiTimer.TimeBesideAsync(fleet.Rpc, results[0].Loads[0].ParamsJson, "cluster.silos.list", options.Loads * 2, cancellation.Token);
    notes.Add($"The page's mount from the bench, without a browser: its torrents.list and cluster.silos.list sent together, {beside.Count} times: " +
              $"torrents.list {Format.Ms(Stats.Median(beside))} median, {Format.Ms(Stats.Percentile(beside, 0.95))} p95, {Format.Ms(beside.Max())} max; " +
              $"cluster.silos.list {Format.Ms(Stats.Median(silosList))} median, {Format.Ms(Stats.Percentile(silosList, 0.95))} p95, {Format.Ms(silosList.Max())} max.");

    step = "writing the raw figures";
    Directory.CreateDirectory(Path.GetDirectoryName(options.Json)!);
    await File.WriteAllTextAsync(options.Json, JsonSerializer.Serialize(new { started, options.Torrents, options.Silos, firstListing, results, beside, silosList }, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }), cancellation.Token);

    var machine = Machine.Describe(Path.GetTempPath());
    var heading =
        $"Run {started:yyyy-MM-dd HH:mm} UTC, {watch.Elapsed.TotalMinutes:0.0} min, on {machine.Cpu}, {machine.Cores} cores, {machine.Memory} RAM; " +
        $"{machine.DotNet}; Redis {machine.Redis}; {await BrowserVersionAsync()}{(options.LatencyMs > 0 ? $", {options.LatencyMs} ms of latency added to every request" : "")}. {options.Silos} silos holding {options.Torrents:#,0} paused " +
        $"metadata-only torrents ({spreadText}; added in {Format.Seconds(filled)}; the first torrents.list after that, uncounted: {Format.Ms(firstListing)}). Load average {loadAtStart} at the start, {Machine.LoadAverage()} at the end.";
    Console.WriteLine();
    Console.WriteLine(LoadReport.Markdown(results, heading));
    foreach (var note in notes)
    {
        Console.WriteLine($"- {note}");
    }

    Console.WriteLine($"Raw figures: {options.Json}");

    return 0;
}
catch (Exception exception) when (exception is OperationCanceledException && cancellation.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync($"bench/ConsoleLoad interrupted during {step}");
    return 130;
}
catch (Exception exception)
{
    await Console.Error.WriteLineAsync(exception.ToString());
    await Console.Error.WriteLineAsync($"bench/ConsoleLoad FAILED during {step}: {exception.Message.Split('\n')[0]}");
    return 1;
}

void Cancel(PosixSignalContext context)
{
    context.Cancel = true;
    cancellation.Cancel();
}

static async Task<string> BrowserVersionAsync()
{
    using var process = Process.Start(new ProcessStartInfo(ConsoleBrowser.Chromium, "--version") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
    // Debian's wrapper script complains on stderr about its own tests; only the version line matters.
    var errors = process.StandardError.ReadToEndAsync();
    var version = (await process.StandardOutput.ReadToEndAsync()).Trim();
    await errors;
    await process.WaitForExitAsync();
    return version;
}
