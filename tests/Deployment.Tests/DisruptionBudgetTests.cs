using k8s.Models;

namespace TorrentCluster.Deployment.Tests;

[Collection(ManifestsCollection.Name)]
public sealed class DisruptionBudgetTests(RenderedManifests manifests)
{
    [Fact]
    public void Silos_go_down_one_at_a_time()
    {
        var budget = Assert.Single(manifests.All<V1PodDisruptionBudget>(), b => Selects(b, manifests.Silo.Spec.Template));
        Assert.Equal("1", budget.Spec.MaxUnavailable?.Value);
        Assert.Null(budget.Spec.MinAvailable);
    }

    [Fact]
    public void Gateways_have_a_budget_that_keeps_one_up()
    {
        var budget = Assert.Single(manifests.All<V1PodDisruptionBudget>(), b => Selects(b, manifests.Gateway.Spec.Template));
        var maxUnavailable = int.Parse(budget.Spec.MaxUnavailable?.Value ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(maxUnavailable, 1, (manifests.Gateway.Spec.Replicas ?? 1) - 1);
    }

    private static bool Selects(V1PodDisruptionBudget budget, V1PodTemplateSpec template) =>
        RenderedManifests.Selects(budget.Spec.Selector?.MatchLabels, template.Metadata.Labels);
}
