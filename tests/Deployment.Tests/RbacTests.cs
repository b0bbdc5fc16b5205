using k8s.Models;

namespace TorrentCluster.Deployment.Tests;

[Collection(ManifestsCollection.Name)]
public sealed class RbacTests(RenderedManifests manifests)
{
    // What Orleans' Kubernetes hosting does with pods: watch the cluster's, patch its own, delete dead silos'.
    private static readonly string[] PodVerbs = ["get", "list", "watch", "delete", "patch"];

    [Fact]
    public void The_silos_service_account_may_manage_pods_in_the_namespace()
    {
        var accountName = manifests.Silo.Spec.Template.Spec.ServiceAccountName;
        Assert.False(string.IsNullOrEmpty(accountName), "the silos run under the default service account");
        _ = manifests.Named<V1ServiceAccount>(accountName);
        Assert.NotEqual(false, manifests.Silo.Spec.Template.Spec.AutomountServiceAccountToken);

        var granted = manifests.All<V1RoleBinding>()
            .Where(binding => binding.Subjects?.Any(s =>
                s.Kind == "ServiceAccount" && s.Name == accountName && s.NamespaceProperty == RenderedManifests.Namespace) == true)
            .Where(binding => binding.RoleRef.Kind == "Role" && binding.RoleRef.ApiGroup == "rbac.authorization.k8s.io")
            .Select(binding => manifests.Named<V1Role>(binding.RoleRef.Name))
            .SelectMany(role => role.Rules)
            .Where(rule => rule.ApiGroups.Contains("") && rule.Resources.Contains("pods"))
            .SelectMany(rule => rule.Verbs)
            .ToHashSet();

        Assert.All(PodVerbs, verb => Assert.Contains(verb, granted));
    }
}
