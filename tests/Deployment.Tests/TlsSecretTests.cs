using System.Text.RegularExpressions;
using k8s.Models;

namespace TorrentCluster.Deployment.Tests;

/// <summary>
/// Mutual TLS on Orleans' ports in Kubernetes: each pod mounts its role's certificate and the cluster CA from the
/// Secret torrentcluster-tls, which the operator makes with deploy/certs.sh as the README says.
/// </summary>
[Collection(ManifestsCollection.Name)]
public sealed partial class TlsSecretTests(RenderedManifests manifests)
{
    private const string SecretName = "torrentcluster-tls";
    private const string ReadmePath = "deploy/kubernetes/README.md";

    public static TheoryData<string> Roles => new() { "silo", "gateway" };

    [Theory]
    [MemberData(nameof(Roles))]
    public void Each_role_presents_its_own_certificate_and_trusts_the_cluster_ca_from_the_tls_secret(string role)
    {
        var (template, container) = Pod(role);
        var env = container.Env.ToDictionary(e => e.Name, e => e.Value);
        var volume = Assert.Single(template.Spec.Volumes ?? [], v => v.Secret?.SecretName == SecretName);
        var mount = Assert.Single(container.VolumeMounts ?? [], m => m.Name == volume.Name);
        var items = volume.Secret.Items.ToDictionary(item => item.Path, item => item.Key);

        Assert.True(mount.ReadOnlyProperty, "the certificates are mounted writable");
        Assert.Equal($"{role}.crt", items["tls.crt"]);
        Assert.Equal($"{role}.key", items["tls.key"]);
        Assert.Equal("ca.crt", items["ca.crt"]);
        Assert.Equal(3, items.Count);
        Assert.Equal($"{mount.MountPath}/tls.crt", env["TorrentCluster__Cluster__Tls__CertificatePath"]);
        Assert.Equal($"{mount.MountPath}/tls.key", env["TorrentCluster__Cluster__Tls__KeyPath"]);
        Assert.Equal($"{mount.MountPath}/ca.crt", env["TorrentCluster__Cluster__Tls__CaPath"]);
        Assert.DoesNotContain("TorrentCluster__Cluster__Tls__Required", env.Keys);

        // Readable by the image's user through the pod's group, by nobody else, written by no one.
        Assert.Equal(Convert.ToInt32("440", 8), volume.Secret.DefaultMode);
        Assert.Equal(template.Spec.SecurityContext.RunAsUser, template.Spec.SecurityContext.FsGroup);
    }

    [Fact]
    public void The_readme_makes_the_tls_secret_with_every_key_the_pods_mount_and_no_ca_key()
    {
        var readme = RepositoryFiles.Read(ReadmePath);
        var mounted = manifests.PodTemplates
            .SelectMany(t => t.Template.Spec.Volumes ?? [])
            .Where(v => v.Secret?.SecretName == SecretName)
            .SelectMany(v => v.Secret.Items.Select(item => item.Key))
            .ToHashSet();

        Assert.Contains("deploy/certs.sh certs silo gateway", readme, StringComparison.Ordinal);
        var create = CreateSecretCommand().Match(readme);
        Assert.True(create.Success, $"{ReadmePath} does not show how to create the Secret {SecretName}");
        var keys = FromFileKey().Matches(create.Value).Select(m => m.Groups["key"].Value).ToHashSet();
        Assert.Superset(mounted, keys);
        Assert.DoesNotContain("ca.key", keys);
    }

    private (V1PodTemplateSpec Template, V1Container Container) Pod(string role) => role == "silo"
        ? (manifests.Silo.Spec.Template, manifests.SiloContainer)
        : (manifests.Gateway.Spec.Template, manifests.GatewayContainer);

    // From `kubectl ... create secret generic torrentcluster-tls` to the end of its continued lines.
    [GeneratedRegex(@"create secret generic torrentcluster-tls(?:[^\n]*\\\n)*[^\n]*")]
    private static partial Regex CreateSecretCommand();

    [GeneratedRegex(@"--from-file=(?<key>[\w.-]+)=")]
    private static partial Regex FromFileKey();
}
