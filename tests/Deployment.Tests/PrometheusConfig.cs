using YamlDotNet.RepresentationModel;

namespace TorrentCluster.Deployment.Tests;

/// <summary>deploy/prometheus/prometheus.yml: its scrape jobs with their metrics path and static targets.</summary>
internal static class PrometheusConfig
{
    public const string Path = "deploy/prometheus/prometheus.yml";

    public static List<ScrapeJob> Jobs()
    {
        var stream = new YamlStream();
        using var reader = new StringReader(RepositoryFiles.Read(Path));
        stream.Load(reader);
        var root = (YamlMappingNode)stream.Documents.Single().RootNode;

        return ((YamlSequenceNode)root["scrape_configs"]).Children.Cast<YamlMappingNode>().Select(job =>
        {
            var path = job.Children.TryGetValue("metrics_path", out var value) ? ((YamlScalarNode)value).Value! : "/metrics";
            var scheme = job.Children.TryGetValue("scheme", out var s) ? ((YamlScalarNode)s).Value! : "http";
            var targets = job.Children.TryGetValue("static_configs", out var configs)
                ? ((YamlSequenceNode)configs).Children.Cast<YamlMappingNode>()
                    .SelectMany(c => ((YamlSequenceNode)c["targets"]).Children.Select(t => ((YamlScalarNode)t).Value!))
                    .ToList()
                : [];
            return new ScrapeJob(((YamlScalarNode)job["job_name"]).Value!, scheme, path, targets);
        }).ToList();
    }
}

internal sealed record ScrapeJob(string Name, string Scheme, string MetricsPath, List<string> Targets);
