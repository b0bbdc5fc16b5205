using k8s.Models;

namespace TorrentCluster.Deployment.Tests;

[Collection(ManifestsCollection.Name)]
public sealed class GatewayDeploymentTests(RenderedManifests manifests)
{
    [Fact]
    public void Runs_two_gateways_behind_a_cluster_ip_service()
    {
        Assert.Equal(2, manifests.Gateway.Spec.Replicas);

        var service = manifests.Named<V1Service>("torrentcluster-gateway");
        Assert.True(service.Spec.Type is null or "ClusterIP", $"gateway Service type {service.Spec.Type}");
        Assert.NotEqual("None", service.Spec.ClusterIP);
        Assert.True(
            RenderedManifests.Selects(service.Spec.Selector, manifests.Gateway.Spec.Template.Metadata.Labels),
            "the gateway Service does not select the gateway pods");
        Assert.False(
            RenderedManifests.Selects(service.Spec.Selector, manifests.Silo.Spec.Template.Metadata.Labels),
            "the gateway Service also selects silo pods");
    }

    [Fact]
    public void Needs_no_kubernetes_api_access()
    {
        Assert.False(manifests.Gateway.Spec.Template.Spec.AutomountServiceAccountToken ?? true);
    }
}
