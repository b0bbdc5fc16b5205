using System.Text.Json;

namespace TorrentCluster.Deployment.Tests;

public sealed class GrafanaDashboardTests
{
    private const string Path = "deploy/grafana/torrentcluster-dashboard.json";

    [Fact]
    public void Is_a_schema_39_dashboard_with_a_prometheus_datasource_variable()
    {
        using var dashboard = Load();
        var root = dashboard.RootElement;

        Assert.Equal(39, root.GetProperty("schemaVersion").GetInt32());
        var variables = root.GetProperty("templating").GetProperty("list").EnumerateArray().ToList();
        var datasource = Assert.Single(variables, v => v.GetProperty("type").GetString() == "datasource");
        Assert.Equal("prometheus", datasource.GetProperty("query").GetString());

        // Every panel, query and query variable goes through that variable, so the dashboard works with any
        // Prometheus it is given.
        var reference = "${" + datasource.GetProperty("name").GetString() + "}";
        Assert.All(variables.Where(v => v.GetProperty("type").GetString() == "query"), variable =>
            Assert.Equal(reference, variable.GetProperty("datasource").GetProperty("uid").GetString()));
        Assert.All(Panels(root).Where(p => p.GetProperty("type").GetString() != "row"), panel =>
        {
            Assert.Equal(reference, panel.GetProperty("datasource").GetProperty("uid").GetString());
            Assert.All(panel.GetProperty("targets").EnumerateArray(), target =>
                Assert.Equal(reference, target.GetProperty("datasource").GetProperty("uid").GetString()));
        });
    }

    [Fact]
    public void Every_query_reads_metrics_the_processes_expose()
    {
        using var dashboard = Load();
        var queries = Queries(dashboard.RootElement).ToList();

        Assert.NotEmpty(queries);
        Assert.All(queries, query =>
        {
            var series = MetricFamilies.SeriesIn(query.Expr);
            Assert.True(series.Count > 0, $"panel '{query.Panel}': no metric in {query.Expr}");
            Assert.All(series, name => Assert.True(
                MetricFamilies.FamilyOf(name) is not null,
                $"panel '{query.Panel}' reads {name}, which no process exposes"));
        });
    }

    [Fact]
    public void Charts_every_project_metric_family()
    {
        using var dashboard = Load();
        var charted = Queries(dashboard.RootElement)
            .SelectMany(q => MetricFamilies.SeriesIn(q.Expr))
            .Select(MetricFamilies.FamilyOf)
            .ToHashSet();

        Assert.All(MetricFamilies.Project, family => Assert.Contains(family, charted));
    }

    [Fact]
    public void Shows_rpc_p95_latency_from_the_histogram_buckets()
    {
        using var dashboard = Load();

        Assert.Contains(Queries(dashboard.RootElement), q =>
            q.Expr.Contains("histogram_quantile(0.95", StringComparison.Ordinal)
            && q.Expr.Contains("torrentcluster_rpc_duration_seconds_bucket", StringComparison.Ordinal)
            && q.Expr.Contains("le", StringComparison.Ordinal));
    }

    [Fact]
    public void The_series_parser_finds_metrics_and_skips_functions_labels_and_ranges()
    {
        // The checks above are only as good as this parser.
        Assert.Equal(
            ["torrentcluster_rpc_duration_seconds_bucket"],
            MetricFamilies.SeriesIn("histogram_quantile(0.95, sum by (le, method) (rate(torrentcluster_rpc_duration_seconds_bucket{method=~\"a|b\"}[$__rate_interval])))"));
        Assert.Equal(
            ["torrentcluster_rpc_calls_total", "torrentcluster_rpc_calls_total"],
            MetricFamilies.SeriesIn("sum(rate(torrentcluster_rpc_calls_total{outcome=\"error\"}[5m])) / sum(rate(torrentcluster_rpc_calls_total[5m]))"));
        Assert.Null(MetricFamilies.FamilyOf("torrentcluster_torrent_count"));
        Assert.Null(MetricFamilies.FamilyOf("node_memory_MemTotal_bytes"));
        Assert.Equal("torrentcluster_rpc_duration_seconds", MetricFamilies.FamilyOf("torrentcluster_rpc_duration_seconds_count"));
    }

    private static JsonDocument Load() => JsonDocument.Parse(RepositoryFiles.Read(Path));

    /// <summary>Panels at the top level and inside collapsed rows.</summary>
    private static IEnumerable<JsonElement> Panels(JsonElement root) =>
        root.GetProperty("panels").EnumerateArray().SelectMany(panel =>
            panel.TryGetProperty("panels", out var nested) ? nested.EnumerateArray().Prepend(panel) : [panel]);

    private static IEnumerable<(string Panel, string Expr)> Queries(JsonElement root) =>
        Panels(root)
            .Where(panel => panel.TryGetProperty("targets", out _))
            .SelectMany(panel => panel.GetProperty("targets").EnumerateArray()
                .Select(target => (panel.GetProperty("title").GetString() ?? "", target.GetProperty("expr").GetString() ?? "")));
}
