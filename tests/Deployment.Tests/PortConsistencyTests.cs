using System.Globalization;
using k8s.Models;

namespace TorrentCluster.Deployment.Tests;

/// <summary>
/// Every port in the deployment files against the port the code uses (appsettings.json, ClusterHostOptions), so
/// that changing one in the code without the others fails here and not in a cluster.
/// </summary>
[Collection(ManifestsCollection.Name)]
public sealed class PortConsistencyTests(RenderedManifests manifests)
{
    [Fact]
    public void The_code_defaults_are_the_documented_ones()
    {
        // The contract the deployment docs state; a change here is a change to every file below and the docs.
        Assert.Equal(1337, CodeDefaults.SiloHttpPort);
        Assert.Equal(1337, CodeDefaults.GatewayHttpPort);
        Assert.Equal(6881, CodeDefaults.BitTorrentPort);
        Assert.Equal(11111, CodeDefaults.SiloPort);
        Assert.Equal(30000, CodeDefaults.OrleansGatewayPort);
    }

    [Fact]
    public void Silo_container_ports_match_the_code()
    {
        var ports = manifests.SiloContainer.Ports.ToDictionary(p => p.Name, p => (p.ContainerPort, Protocol: p.Protocol ?? "TCP"));

        Assert.Equal((CodeDefaults.SiloHttpPort, "TCP"), ports["http"]);
        Assert.Equal((CodeDefaults.SiloPort, "TCP"), ports["silo"]);
        Assert.Equal((CodeDefaults.OrleansGatewayPort, "TCP"), ports["gateway"]);
        Assert.Equal((CodeDefaults.BitTorrentPort, "TCP"), ports["bittorrent"]);
        Assert.Equal((CodeDefaults.BitTorrentPort, "UDP"), ports["bittorrent-udp"]);
        Assert.Equal(CodeDefaults.BitTorrentPort.ToString(CultureInfo.InvariantCulture), Env(manifests.SiloContainer, "TorrentCluster__Engine__ListenPort"));
        Assert.Equal(CodeDefaults.SiloHttpPort, CodeDefaults.PortOfUrl(Env(manifests.SiloContainer, "Urls")));
    }

    [Fact]
    public void Gateway_container_port_matches_the_code()
    {
        var http = Assert.Single(manifests.GatewayContainer.Ports);

        Assert.Equal(("http", CodeDefaults.GatewayHttpPort), (http.Name, http.ContainerPort));
        Assert.Equal(CodeDefaults.GatewayHttpPort, CodeDefaults.PortOfUrl(Env(manifests.GatewayContainer, "Urls")));
    }

    [Fact]
    public void Services_forward_to_the_container_ports_the_code_listens_on()
    {
        AssertServicePorts(manifests.Named<V1Service>("torrentcluster-silo"), manifests.SiloContainer,
            CodeDefaults.SiloHttpPort, CodeDefaults.SiloPort, CodeDefaults.OrleansGatewayPort);
        AssertServicePorts(manifests.Named<V1Service>("torrentcluster-gateway"), manifests.GatewayContainer,
            CodeDefaults.GatewayHttpPort);
    }

    [Fact]
    public void Pods_ask_prometheus_to_scrape_their_metrics_endpoint()
    {
        foreach (var (template, port) in new[] { (manifests.Silo.Spec.Template, CodeDefaults.SiloHttpPort), (manifests.Gateway.Spec.Template, CodeDefaults.GatewayHttpPort) })
        {
            var annotations = template.Metadata.Annotations;
            Assert.Equal("true", annotations["prometheus.io/scrape"]);
            Assert.Equal(port.ToString(CultureInfo.InvariantCulture), annotations["prometheus.io/port"]);
            Assert.Equal("/metrics", annotations["prometheus.io/path"]);
        }
    }

    [Fact]
    public void Dockerfiles_expose_the_ports_the_code_listens_on()
    {
        var silo = Dockerfile.Load("src/Silo/Dockerfile").Runtime;
        var gateway = Dockerfile.Load("src/Gateway/Dockerfile").Runtime;

        Assert.Equal(
            new HashSet<string>
            {
                $"{CodeDefaults.SiloHttpPort}/tcp", $"{CodeDefaults.SiloPort}/tcp", $"{CodeDefaults.OrleansGatewayPort}/tcp",
                $"{CodeDefaults.BitTorrentPort}/tcp", $"{CodeDefaults.BitTorrentPort}/udp",
            },
            silo.ExposedPorts);
        Assert.Equal(new HashSet<string> { $"{CodeDefaults.GatewayHttpPort}/tcp" }, gateway.ExposedPorts);
        Assert.Equal(CodeDefaults.SiloHttpPort, CodeDefaults.PortOfUrl(silo.Environment["Urls"]));
        Assert.Equal(CodeDefaults.GatewayHttpPort, CodeDefaults.PortOfUrl(gateway.Environment["Urls"]));
    }

    [Fact]
    public void Compose_services_listen_and_publish_on_the_code_ports()
    {
        var compose = ComposeFile.Load();

        Assert.Contains(compose.Ports("gateway"), p => p.ContainerPort == CodeDefaults.GatewayHttpPort);
        Assert.Equal(CodeDefaults.GatewayHttpPort, CodeDefaults.PortOfUrl(compose.Environment("gateway")["Urls"]));
        foreach (var silo in compose.Services.Keys.Where(name => name.StartsWith("silo-", StringComparison.Ordinal)))
        {
            Assert.Equal(CodeDefaults.SiloHttpPort, CodeDefaults.PortOfUrl(compose.Environment(silo)["Urls"]));
        }

        // The first silo keeps the default BitTorrent port; the others take the next ones on the same host.
        Assert.Equal(CodeDefaults.BitTorrentPort.ToString(CultureInfo.InvariantCulture), compose.Environment("silo-1")["TorrentCluster__Engine__ListenPort"]);
    }

    private static void AssertServicePorts(V1Service service, V1Container container, params int[] expected)
    {
        var forwarded = service.Spec.Ports.Select(port =>
        {
            var target = port.TargetPort?.Value ?? port.Port.ToString(CultureInfo.InvariantCulture);
            var containerPort = int.TryParse(target, CultureInfo.InvariantCulture, out var number)
                ? number
                : Assert.Single(container.Ports, p => p.Name == target).ContainerPort;
            Assert.Equal(port.Port, containerPort);
            return containerPort;
        }).ToHashSet();

        Assert.Equal(expected.ToHashSet(), forwarded);
    }

    private static string Env(V1Container container, string name) => Assert.Single(container.Env, e => e.Name == name).Value;
}
