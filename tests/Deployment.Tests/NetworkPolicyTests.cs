using k8s.Models;

namespace TorrentCluster.Deployment.Tests;

/// <summary>
/// The namespace as an intruder inside the cluster meets it: Redis and Orleans' ports answer silos and gateways
/// only, and the only doors open to everyone are the gateway's HTTP port and the silos' BitTorrent port.
/// </summary>
[Collection(ManifestsCollection.Name)]
public sealed class NetworkPolicyTests(RenderedManifests manifests)
{
    // Any pod of the namespace that is neither a silo nor a gateway: a compromised sidecar, a debugging pod.
    private static readonly Dictionary<string, string> Stranger = new() { ["app"] = "anything-else" };

    private IngressPolicies Policies => new([.. manifests.All<V1NetworkPolicy>()]);

    private IDictionary<string, string> SiloLabels => manifests.Silo.Spec.Template.Metadata.Labels;

    private IDictionary<string, string> GatewayLabels => manifests.Gateway.Spec.Template.Metadata.Labels;

    private V1StatefulSet Redis => manifests.Named<V1StatefulSet>("redis");

    [Fact]
    public void Every_pod_is_closed_unless_a_rule_opens_it()
    {
        var deny = Assert.Single(manifests.All<V1NetworkPolicy>(), policy => policy.Spec.PodSelector.MatchLabels is not { Count: > 0 });
        Assert.Equal(["Ingress"], deny.Spec.PolicyTypes);
        Assert.Empty(deny.Spec.Ingress ?? []);
        Assert.All(manifests.PodTemplates, item => Assert.True(Policies.IsGuarded(item.Template.Metadata.Labels), $"{item.Workload} is open to everyone"));
    }

    [Fact]
    public void Redis_answers_silos_and_gateways_only()
    {
        var container = Redis.Spec.Template.Spec.Containers.Single();
        var allowed = Policies.Allowed(Redis.Spec.Template.Metadata.Labels, container, container.Ports.Single(p => p.Name == "redis").ContainerPort);

        Assert.False(allowed.Anyone, "Redis is open to every pod");
        Assert.True(allowed.Admits(SiloLabels), "silos cannot reach Redis");
        Assert.True(allowed.Admits(GatewayLabels), "gateways cannot reach Redis");
        Assert.False(allowed.Admits(Stranger), "a stranger pod reaches Redis");
        Assert.False(allowed.Admits(Redis.Spec.Template.Metadata.Labels), "Redis's own label set is allowed in");
    }

    [Fact]
    public void Orleans_silo_port_answers_silos_and_gateway_port_answers_gateways_only()
    {
        var silo = Policies.Allowed(SiloLabels, manifests.SiloContainer, CodeDefaults.SiloPort);
        var gateway = Policies.Allowed(SiloLabels, manifests.SiloContainer, CodeDefaults.OrleansGatewayPort);

        Assert.True(silo.Admits(SiloLabels) && !silo.Admits(GatewayLabels) && !silo.Admits(Stranger) && !silo.Anyone,
            "Orleans' silo-to-silo port must answer silos only");
        Assert.True(gateway.Admits(GatewayLabels) && !gateway.Admits(SiloLabels) && !gateway.Admits(Stranger) && !gateway.Anyone,
            "Orleans' gateway port must answer gateways only");
    }

    [Fact]
    public void Only_the_gateways_http_port_and_the_silos_bittorrent_port_are_open_to_everyone()
    {
        var open = new List<string>();
        foreach (var (workload, template) in manifests.PodTemplates)
        {
            foreach (var container in template.Spec.Containers)
            {
                foreach (var port in container.Ports ?? [])
                {
                    var protocol = port.Protocol ?? "TCP";
                    if (Policies.Allowed(template.Metadata.Labels, container, port.ContainerPort, protocol).Anyone)
                    {
                        open.Add($"{workload}:{port.ContainerPort}/{protocol}");
                    }
                }
            }
        }

        Assert.Equal(
            new[]
            {
                $"Deployment/torrentcluster-gateway:{CodeDefaults.GatewayHttpPort}/TCP",
                $"StatefulSet/torrentcluster-silo:{CodeDefaults.BitTorrentPort}/TCP",
                $"StatefulSet/torrentcluster-silo:{CodeDefaults.BitTorrentPort}/UDP",
            }.Order(),
            open.Order());
    }

    [Fact]
    public void The_silos_http_port_answers_no_pod()
    {
        // Health and metrics only (the kubelet's probes come from the node, which policies do not filter);
        // deploy/kubernetes/README.md shows the rule to add for a Prometheus.
        Assert.True(Policies.Allowed(SiloLabels, manifests.SiloContainer, CodeDefaults.SiloHttpPort).Nobody);
    }

    [Fact]
    public void Policies_select_the_pods_they_are_named_for()
    {
        // A typo in a label would leave a policy selecting nothing: the deny-all would then close the pod for good.
        Assert.True(IngressPolicies.Selects(manifests.Named<V1NetworkPolicy>("redis").Spec.PodSelector, Redis.Spec.Template.Metadata.Labels));
        Assert.True(IngressPolicies.Selects(manifests.Named<V1NetworkPolicy>("torrentcluster-silo").Spec.PodSelector, SiloLabels));
        Assert.True(IngressPolicies.Selects(manifests.Named<V1NetworkPolicy>("torrentcluster-gateway").Spec.PodSelector, GatewayLabels));
        Assert.False(IngressPolicies.Selects(manifests.Named<V1NetworkPolicy>("torrentcluster-gateway").Spec.PodSelector, SiloLabels));
    }
}
