using k8s.Models;

namespace TorrentCluster.Deployment.Tests;

[Collection(ManifestsCollection.Name)]
public sealed class RbacTests(RenderedManifests manifests)
{
    // What Orleans' Kubernetes hosting calls: read its own pod, list and watch its cluster's pods. It patches its
    // pod only when the pod lacks the orleans/* labels, and deletes dead silos' pods only with DeleteDefunctSiloPods.
    private static readonly string[] PodVerbs = ["get", "list", "watch"];

    [Fact]
    public void The_silos_service_account_may_read_and_watch_pods_in_the_namespace_and_nothing_more()
    {
        var accountName = manifests.Silo.Spec.Template.Spec.ServiceAccountName;
        Assert.False(string.IsNullOrEmpty(accountName), "the silos run under the default service account");
        _ = manifests.Named<V1ServiceAccount>(accountName);
        Assert.NotEqual(false, manifests.Silo.Spec.Template.Spec.AutomountServiceAccountToken);

        var bindings = manifests.All<V1RoleBinding>()
            .Where(binding => binding.Subjects?.Any(s =>
                s.Kind == "ServiceAccount" && s.Name == accountName && s.NamespaceProperty == RenderedManifests.Namespace) == true)
            .ToList();
        Assert.All(bindings, binding => Assert.True(
            binding.RoleRef.Kind == "Role" && binding.RoleRef.ApiGroup == "rbac.authorization.k8s.io",
            $"{binding.Metadata.Name} grants a {binding.RoleRef.Kind}, not a namespaced Role"));
        Assert.Empty(manifests.All<V1ClusterRoleBinding>());
        var rules = bindings.Select(binding => manifests.Named<V1Role>(binding.RoleRef.Name)).SelectMany(role => role.Rules).ToList();

        var rule = Assert.Single(rules);
        Assert.Equal([""], rule.ApiGroups);
        Assert.Equal(["pods"], rule.Resources);
        Assert.Equal(PodVerbs.Order(), rule.Verbs.Order());
        Assert.Null(rule.ResourceNames);
    }

    [Fact]
    public void The_silo_never_asks_orleans_to_delete_pods_and_its_pods_carry_the_labels_orleans_would_patch_in()
    {
        // Without delete and patch rights, these must hold: the code leaves DeleteDefunctSiloPods off, and the pod
        // template already has the orleans/* labels, so the agent finds nothing to patch.
        Assert.DoesNotContain("DeleteDefunctSiloPods", RepositoryFiles.Read("src/Silo/Hosting/SiloHostBuilderExtensions.cs"), StringComparison.Ordinal);
        var labels = manifests.Silo.Spec.Template.Metadata.Labels;
        Assert.True(labels.ContainsKey("orleans/serviceId") && labels.ContainsKey("orleans/clusterId"));
    }
}
