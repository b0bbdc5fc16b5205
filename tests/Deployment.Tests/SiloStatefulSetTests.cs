using k8s.Models;

namespace TorrentCluster.Deployment.Tests;

[Collection(ManifestsCollection.Name)]
public sealed class SiloStatefulSetTests(RenderedManifests manifests)
{
    [Fact]
    public void Runs_three_silos_started_in_parallel()
    {
        Assert.Equal(3, manifests.Silo.Spec.Replicas);
        Assert.Equal("Parallel", manifests.Silo.Spec.PodManagementPolicy);
    }

    [Fact]
    public void Keeps_data_on_a_claim_per_silo_mounted_at_data()
    {
        var claims = manifests.Silo.Spec.VolumeClaimTemplates ?? [];
        var data = Assert.Single(claims, c => c.Metadata.Name == "data");
        Assert.Contains("ReadWriteOnce", data.Spec.AccessModes);
        Assert.True(data.Spec.Resources.Requests.ContainsKey("storage"), "the data claim requests no storage");

        var mount = Assert.Single(manifests.SiloContainer.VolumeMounts ?? [], m => m.MountPath == "/data");
        Assert.Equal("data", mount.Name);
        Assert.True(mount.ReadOnlyProperty is null or false, "/data must be writable");
    }

    [Fact]
    public void Is_governed_by_a_headless_service_that_selects_its_pods()
    {
        var service = manifests.Named<V1Service>(manifests.Silo.Spec.ServiceName);

        Assert.Equal("None", service.Spec.ClusterIP);
        Assert.True(
            RenderedManifests.Selects(service.Spec.Selector, manifests.Silo.Spec.Template.Metadata.Labels),
            $"Service {service.Metadata.Name} does not select the silo pods");
        Assert.True(
            RenderedManifests.Selects(manifests.Silo.Spec.Selector.MatchLabels, manifests.Silo.Spec.Template.Metadata.Labels),
            "the StatefulSet's selector does not match its own pod template");
    }

    [Fact]
    public void Exposes_bittorrent_over_tcp_and_udp_on_the_node()
    {
        var ports = manifests.SiloContainer.Ports;
        foreach (var protocol in new[] { "TCP", "UDP" })
        {
            var port = Assert.Single(ports, p => p.ContainerPort == CodeDefaults.BitTorrentPort && (p.Protocol ?? "TCP") == protocol);
            Assert.Equal(CodeDefaults.BitTorrentPort, port.HostPort);
        }
    }

    [Fact]
    public void Places_one_silo_per_node_because_each_binds_the_host_port()
    {
        var terms = manifests.Silo.Spec.Template.Spec.Affinity?.PodAntiAffinity?.RequiredDuringSchedulingIgnoredDuringExecution ?? [];

        Assert.Contains(terms, term =>
            term.TopologyKey == "kubernetes.io/hostname"
            && RenderedManifests.Selects(term.LabelSelector?.MatchLabels, manifests.Silo.Spec.Template.Metadata.Labels));
    }

    [Fact]
    public void Carries_the_orleans_labels_its_environment_names()
    {
        var labels = manifests.Silo.Spec.Template.Metadata.Labels;
        var env = manifests.SiloContainer.Env.ToDictionary(e => e.Name, e => e.Value);

        Assert.Equal(labels["orleans/serviceId"], env["ORLEANS_SERVICE_ID"]);
        Assert.Equal(labels["orleans/clusterId"], env["ORLEANS_CLUSTER_ID"]);
        Assert.False(string.IsNullOrEmpty(env["ORLEANS_SERVICE_ID"]));
    }

    [Fact]
    public void Gives_orleans_time_to_hand_over_on_shutdown()
    {
        // Kubernetes' default of 30 s is tight for deactivating grains and saving resume data of many torrents.
        Assert.True(manifests.Silo.Spec.Template.Spec.TerminationGracePeriodSeconds >= 30);
    }
}
