using TorrentCluster.Bench.Scale;

namespace TorrentCluster.Bench.ConsoleLoad;

/// <summary>The run's figures as markdown, ready for docs/benchmarks.md.</summary>
internal static class LoadReport
{
    public const double TargetMs = 1000;

    public static string Markdown(IReadOnlyList<ScenarioResult> results, string heading)
    {
        var lines = new List<string>
        {
            heading,
            "",
            "| scenario | runs | first row painted (median / p95 / max) | whole first page painted (median / p95 / max) | its `torrents.list` in the page (median) | same call from the bench (median / p95 / max) | page ÷ bench call (medians) |",
            "|---|---|---|---|---|---|---|",
        };
        foreach (var result in results)
        {
            var loads = result.Loads;
            lines.Add(
                $"| {result.Name} | {loads.Count} | {Spread(loads.Select(l => l.ToFirstRow).ToList())} | {Spread(loads.Select(l => l.ToFullPage).ToList())} | " +
                $"{Format.Ms(Stats.Median(loads.Select(l => l.Call).ToList()))} | {Spread(result.ApiMilliseconds)} | " +
                $"{Format.N1(Stats.Median(loads.Select(l => l.ToFullPage).ToList()) / Stats.Median(result.ApiMilliseconds))}× |");
        }

        lines.Add("");
        lines.Add("Where a load's time goes (medians, in the page's own clock; a navigation's \"before the call\" is the document, the scripts and the page's mount):");
        lines.Add("");
        lines.Add("| scenario | before the call leaves | of which: document | scripts (fetch, compile, the shell's run; how many) | the page's mount | the call (sent to whole answer read) | of which on the wire: first byte / last byte | the gateway's own time (mean of the scenario's calls) | after the answer (rendering the rows) | rows | answer size |");
        lines.Add("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var result in results)
        {
            var loads = result.Loads;
            lines.Add(
                $"| {result.Name} | {Median(loads, l => l.BeforeCall)} | {Median(loads, l => l.Document)} | {Median(loads, l => l.Scripts)}{(loads[0].ScriptsFetched is { } fetched ? $" ({Format.Text(fetched)})" : "")} | {Median(loads, l => l.Mount)} | " +
                $"{Median(loads, l => l.Call)} | {Median(loads, l => l.CallFirstByte)} / {Median(loads, l => l.CallOnWire)} | " +
                $"{(result.GatewayMeanMs is { } mean ? $"{Format.Ms(mean)} ({Format.N0(result.GatewayCalls)} calls)" : "-")} | {Median(loads, l => l.AfterCall)} | {Format.Text(loads[0].Rows)} | {Format.Kb(loads[0].Bytes)} |");
        }

        var worst = results.Max(result => Stats.Percentile(result.Loads.Select(l => l.ToFullPage).ToList(), 0.95));
        lines.Add("");
        lines.Add($"Target: the first page in under {TargetMs:0} ms. Worst p95 of the whole first page over the scenarios: {Format.Ms(worst)}: **{(worst < TargetMs ? "met" : "not met")}**.");
        lines.Add("");
        lines.Add("Params of each scenario's call: " + string.Join("; ", results.Select(result => $"{result.Name}: `{result.Loads[0].ParamsJson}`")));
        return string.Join('\n', lines);
    }

    private static string Median(IReadOnlyList<LoadSample> loads, Func<LoadSample, double?> part)
    {
        var values = loads.Select(part).OfType<double>().ToList();
        return values.Count == 0 ? "-" : Format.Ms(Stats.Median(values));
    }

    private static string Spread(IReadOnlyList<double> values) =>
        $"{Format.Ms(Stats.Median(values))} / {Format.Ms(Stats.Percentile(values, 0.95))} / {Format.Ms(values.Max())}";
}
