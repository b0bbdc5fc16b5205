namespace TorrentCluster.Deployment.Tests;

public sealed class PrometheusConfigTests
{
    [Fact]
    public void Scrapes_every_silo_and_the_gateway_of_the_compose_stack_on_their_metrics_endpoint()
    {
        var jobs = PrometheusConfig.Jobs();
        var scraped = jobs
            .SelectMany(job => job.Targets.Select(target => (job, target)))
            .ToDictionary(item => item.target.Split(':')[0], item => item);
        var compose = ComposeFile.Load();
        var expected = compose.Services.Keys.Where(name => name.StartsWith("silo-", StringComparison.Ordinal)).Append("gateway").ToList();

        Assert.Equal(4, expected.Count);
        Assert.All(expected, service =>
        {
            Assert.True(scraped.TryGetValue(service, out var item), $"{PrometheusConfig.Path} does not scrape {service}");
            Assert.Equal("http", item.job.Scheme);
            Assert.Equal("/metrics", item.job.MetricsPath);
            var port = service == "gateway" ? CodeDefaults.GatewayHttpPort : CodeDefaults.SiloHttpPort;
            Assert.Equal($"{service}:{port}", item.target);
        });
        Assert.All(scraped.Keys, host => Assert.Contains(host, compose.Services.Keys));
    }
}
