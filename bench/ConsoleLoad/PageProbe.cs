using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Playwright;

namespace TorrentCluster.Bench.ConsoleLoad;

/// <summary>A change of the table's rows: when it reached the DOM, when it was first painted visible (ms since navigation).</summary>
internal sealed record RowChange(double Dom, int Count, string? First, string? Last, double? Painted);

/// <summary>One torrents.list call of the page: its params, when it left, when its headers and body arrived.</summary>
internal sealed record ListCall(JsonElement Params, string ParamsJson, double Start, double? Headers, double? End, IReadOnlyList<string?>? Hashes, long? Total, long? Bytes);

/// <summary>An input, click or key press of the operator (the bench), when the page saw it.</summary>
internal sealed record Mark(string Type, double At);

/// <summary>
/// A fetch() as the network stack saw it (Resource Timing): when it left, its first byte and its last byte arrived,
/// whatever the page's main thread was busy with meanwhile.
/// </summary>
internal sealed record FetchTiming(double StartTime, double ResponseStart, double ResponseEnd);

/// <summary>A script the page fetched (Resource Timing): its address and when its response was read.</summary>
internal sealed record ScriptTiming(string Name, double ResponseEnd);

/// <summary>
/// The document's own milestones (Navigation Timing): its response read, and its module scripts run
/// (DOMContentLoaded waits for them); and every script it fetched, the router's page modules among them.
/// </summary>
internal sealed record DocumentTiming(double ResponseEnd, double DomContentLoaded, IReadOnlyList<ScriptTiming> Scripts, IReadOnlyList<FetchTiming> Fetches)
{
    /// <summary>The network's view of a call the page's script made (the first fetch that left at or after it).</summary>
    public FetchTiming? FetchOf(ListCall call) => Fetches.Where(fetch => fetch.StartTime >= call.Start - 0.5).MinBy(fetch => fetch.StartTime);

    /// <summary>When the last script fetched before <paramref name="time"/> arrived (the DOMContentLoaded time if later).</summary>
    public double ScriptsBefore(double time) =>
        Scripts.Where(script => script.ResponseEnd <= time).Select(script => script.ResponseEnd).Append(DomContentLoaded).Max();
}

/// <summary>What <c>probe.js</c> recorded in a page since its navigation.</summary>
internal sealed record ProbeRecord(IReadOnlyList<RowChange> Rows, IReadOnlyList<ListCall> Calls, IReadOnlyList<Mark> Marks, DocumentTiming Document)
{
    /// <summary>The first change, at or after <paramref name="since"/>, that showed a call's whole answer painted.</summary>
    public RowChange? Showing(ListCall call, double since) => Rows.FirstOrDefault(change =>
        change.Dom >= since && change.Painted is not null && call.Hashes is { } hashes &&
        change.Count == hashes.Count && change.First == (hashes.Count > 0 ? hashes[0] : null) && change.Last == (hashes.Count > 0 ? hashes[^1] : null));
}

/// <summary>
/// Puts probe.js into a page (before any of the console's scripts, on every navigation of that page) and reads what
/// it recorded. The probe's clock is the page's own (performance.now(), from navigation start).
/// </summary>
internal static class PageProbe
{
    private static readonly string Script = LoadScript();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public static Task InstallAsync(IPage page) => page.AddInitScriptAsync(Script);

    public static async Task<ProbeRecord> ReadAsync(IPage page)
    {
        const string Read = """
            () => {
              const navigation = performance.getEntriesByType('navigation')[0];
              const resources = performance.getEntriesByType('resource');
              const scripts = resources.filter(r => new URL(r.name).pathname.endsWith('.js'));
              const fetches = resources.filter(r => r.initiatorType === 'fetch');
              return { ...window.__consoleLoad, document: {
                responseEnd: navigation?.responseEnd ?? 0,
                domContentLoaded: navigation?.domContentLoadedEventEnd ?? 0,
                scripts: scripts.map(r => ({ name: r.name, responseEnd: r.responseEnd })),
                fetches: fetches.map(r => ({ startTime: r.startTime, responseStart: r.responseStart, responseEnd: r.responseEnd })),
              } };
            }
            """;
        var recorded = await page.EvaluateAsync<JsonElement>(Read);
        return recorded.Deserialize<ProbeRecord>(Json) ?? throw new InvalidOperationException("the page has no probe");
    }

    /// <summary>
    /// Waits until the page's rows show, painted, the answer of the first torrents.list call made at or after
    /// <paramref name="since"/> ms whose params (as JSON) differ from <paramref name="otherThan"/>: the call an
    /// action caused, not a live refresh of the page it replaces.
    /// </summary>
    /// <returns>The call and the row change that showed it.</returns>
    public static async Task<(ListCall Call, RowChange Shown)> WaitForRowsOfCallAsync(IPage page, double since, string? otherThan, TimeSpan timeout)
    {
        // Plain code only: the console's CSP allows no eval, and this runs in the page's own world.
        const string Shown = """
            ([since, otherThan]) => {
              const probe = window.__consoleLoad;
              const call = probe.calls.find(c => c.start >= since && c.paramsJson !== otherThan);
              if (!call || !call.hashes) return false;
              const last = call.hashes.length ? call.hashes[call.hashes.length - 1] : null;
              return probe.rows.some(r => r.dom >= call.start && r.painted !== null && r.count === call.hashes.length
                && r.first === (call.hashes[0] ?? null) && r.last === last);
            }
            """;
        await page.WaitForFunctionAsync(Shown, new object?[] { since, otherThan }, new PageWaitForFunctionOptions
        {
            Timeout = (float)timeout.TotalMilliseconds,
            PollingInterval = 50,
        });
        var record = await ReadAsync(page);
        var call = record.Calls.First(c => c.Start >= since && c.ParamsJson != otherThan);
        return (call, record.Showing(call, call.Start) ?? throw new InvalidOperationException("the rows were shown, then not"));
    }

    private static string LoadScript()
    {
        using var stream = typeof(PageProbe).Assembly.GetManifestResourceStream("probe.js")
            ?? throw new InvalidOperationException("probe.js is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
