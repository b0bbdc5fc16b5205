using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TorrentCluster.Bench.Scale;
using TorrentCluster.Console.Tests;

namespace TorrentCluster.Bench.ConsoleLoad;

/// <summary>
/// Loads of the Torrents page as an operator makes them, each measured by <see cref="PageProbe"/>: cold (a new
/// browser context each time, so nothing cached), warm (the same page navigated to it again), and on a loaded page
/// a PQL query typed into the search box or a click on a column header.
/// </summary>
internal sealed partial class LoadScenarios(ConsoleBrowser browser, BenchFleet fleet, LoadOptions options)
{
    /// <summary>The Torrents page's default view: the fleet in queue order, first page.</summary>
    public const string DefaultView = "";

    private bool? _searchesAsYouType;

    /// <summary>The very first load the bench made (uncounted): the gateway's and chromium's first, after a start.</summary>
    public LoadSample? FirstLoad { get; private set; }

    /// <summary>The Torrents page showing a PQL query (the page keeps its view in the address, after '?').</summary>
    public string QueryView => "?query=" + Uri.EscapeDataString(options.Query);

    /// <summary>The Torrents page sorted by a column other than its default (queue position), largest first.</summary>
    public string SortView => $"?order_by={Uri.EscapeDataString(options.SortField)}&order_by_dir=desc";

    // console/index.html, the page served at console/ too, named so that a route can match it.
    private Uri TorrentsPage(string view) => new(fleet.Gateway, "console/index.html#/torrents/" + view);

    /// <summary>
    /// Loads in a new browser context each: no cache, no cookies but the login, a new connection. With
    /// <paramref name="preloads"/> other than <see cref="ModulePreloadLinks.Served"/>, the page passes through a
    /// route of the bench's, which keeps its module preloads or takes them out: the pair measures what they save.
    /// </summary>
    public async Task<IReadOnlyList<LoadSample>> ColdAsync(string view, ModulePreloadLinks preloads = ModulePreloadLinks.Served)
    {
        var samples = new List<LoadSample>();
        // The first load is not counted: it pays for the gateway's first serving of the files (JIT) and chromium's
        // first renderer, once in a silo's life rather than once a visit.
        for (var i = -1; i < options.Loads; i++)
        {
            var page = await NewPageAsync();
            try
            {
                if (preloads != ModulePreloadLinks.Served)
                {
                    await RoutePageAsync(page, keepPreloads: preloads == ModulePreloadLinks.Kept);
                }

                var sample = await LoadAsync(page, view);
                FirstLoad ??= sample;
                if (i >= 0)
                {
                    samples.Add(sample);
                }
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }

        return samples;
    }

    /// <summary>Loads of the same page, navigated to it again: its scripts cached (revalidated: the console's no-cache).</summary>
    public Task<IReadOnlyList<LoadSample>> WarmAsync(string view) => OnWarmPageAsync(page => LoadAsync(page, view));

    /// <summary>
    /// The query typed into <c>input[name="query"]</c>, on a freshly loaded page each time. A page that searches as
    /// one types is timed from the input; one that waits for Enter, from the key (Enter is pressed once the input
    /// has brought no call within <see cref="SearchAsYouTypeWait"/>; the first, uncounted run finds out which).
    /// </summary>
    public Task<IReadOnlyList<LoadSample>> QueryAsync() => OnWarmPageAsync(async page =>
    {
        var before = await LoadAsync(page, DefaultView);
        var since = await page.EvaluateAsync<double>("() => performance.now()");
        var search = page.Locator("input[name=\"query\"]");
        await search.FillAsync(options.Query);
        if (_searchesAsYouType is not false)
        {
            try
            {
                var sample = await ActionSampleAsync(page, since, before.ParamsJson, "input", SearchAsYouTypeWait);
                _searchesAsYouType = true;
                return sample;
            }
            catch (TimeoutException) when (_searchesAsYouType is null)
            {
                _searchesAsYouType = false;
            }
        }

        var pressed = await page.EvaluateAsync<double>("() => performance.now()");
        await search.PressAsync("Enter");
        return await ActionSampleAsync(page, pressed, before.ParamsJson, "keydown", options.WaitTimeout);
    });

    // Longer than any debounce a search box would use, short enough for ten runs.
    private static readonly TimeSpan SearchAsYouTypeWait = TimeSpan.FromSeconds(2);

    /// <summary>A click on the header of <see cref="LoadOptions.SortColumn"/>, on a freshly loaded page each time.</summary>
    public Task<IReadOnlyList<LoadSample>> SortAsync() => OnWarmPageAsync(async page =>
    {
        var before = await LoadAsync(page, DefaultView);
        var since = await page.EvaluateAsync<double>("() => performance.now()");
        // The header's own button where it has one (a click on the cell's middle may miss a narrow button).
        var header = page.Locator("thead th").Filter(new LocatorFilterOptions { HasTextRegex = new Regex($"^\\s*{Regex.Escape(options.SortColumn)}\\s*$") }).First;
        var button = header.Locator("button");
        await (await button.CountAsync() > 0 ? button.First : header).ClickAsync();
        return await ActionSampleAsync(page, since, before.ParamsJson, "click", options.WaitTimeout);
    });

    private async Task<IReadOnlyList<LoadSample>> OnWarmPageAsync(Func<IPage, Task<LoadSample>> measure)
    {
        var page = await NewPageAsync();
        try
        {
            // The first load fills the cache and JIT-compiles the scripts; it is not counted.
            await measure(page);
            var samples = new List<LoadSample>();
            for (var i = 0; i < options.Loads; i++)
            {
                samples.Add(await measure(page));
            }

            return samples;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    // The page fetched by the bench and handed to the browser, its modulepreload links kept or taken out.
    private static async Task RoutePageAsync(IPage page, bool keepPreloads) => await page.RouteAsync("**/console/index.html", async route =>
    {
        var response = await route.FetchAsync();
        var body = await response.TextAsync();
        await route.FulfillAsync(new RouteFulfillOptions
        {
            Response = response,
            Body = keepPreloads ? body : PreloadLink().Replace(body, string.Empty),
        });
    });

    [GeneratedRegex("<link rel=\"modulepreload\"[^>]*>\\s*")]
    private static partial Regex PreloadLink();

    private async Task<IPage> NewPageAsync()
    {
        var page = await browser.NewPageAsync(fleet.Gateway, fleet.Token);
        await PageProbe.InstallAsync(page);
        if (options.LatencyMs > 0)
        {
            var devTools = await page.Context.NewCDPSessionAsync(page);
            await devTools.SendAsync("Network.enable");
            await devTools.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
            {
                ["offline"] = false,
                ["latency"] = options.LatencyMs,
                ["downloadThroughput"] = -1,
                ["uploadThroughput"] = -1,
            });
        }

        return page;
    }

    // A whole navigation: from about:blank, so that even the warm page loads a new document (its own clock from 0).
    private async Task<LoadSample> LoadAsync(IPage page, string view)
    {
        await page.GotoAsync("about:blank");
        await page.GotoAsync(TorrentsPage(view).ToString());
        var (call, shown) = await PageProbe.WaitForRowsOfCallAsync(page, since: 0, otherThan: null, options.WaitTimeout);
        var record = await PageProbe.ReadAsync(page);
        var firstRow = record.Rows.First(change => change.Count > 0 && change.Painted is not null).Painted!.Value;
        return Sample(0, firstRow, call, shown) with
        {
            DocumentEnd = record.Document.ResponseEnd,
            ScriptsEnd = record.Document.ScriptsBefore(call.Start),
            Fetch = record.Document.FetchOf(call),
            ScriptsFetched = record.Document.Scripts.Count(script => script.ResponseEnd <= call.Start),
        };
    }

    // The page's answer to an action taken at `since`: the first call with other params than the page had, shown.
    private static async Task<LoadSample> ActionSampleAsync(IPage page, double since, string paramsBefore, string action, TimeSpan timeout)
    {
        var (call, shown) = await PageProbe.WaitForRowsOfCallAsync(page, since, paramsBefore, timeout);
        var record = await PageProbe.ReadAsync(page);
        var start = record.Marks.FirstOrDefault(mark => mark.At >= since && mark.Type == action)?.At
            ?? throw new BenchStepException($"the page saw no {action} after {since:0} ms");
        return Sample(start, shown.Painted!.Value, call, shown) with { Fetch = record.Document.FetchOf(call) };
    }

    private static LoadSample Sample(double start, double firstRow, ListCall call, RowChange shown) => new(
        start, firstRow, shown.Painted!.Value, call.Start, call.End!.Value, shown.Count, call.Bytes ?? 0, call.ParamsJson, null, null, null, null);
}
