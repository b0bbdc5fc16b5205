using k8s;
using k8s.Models;
using Xunit.Abstractions;

namespace TorrentCluster.Deployment.Tests;

[Collection(ManifestsCollection.Name)]
public sealed class KubernetesRenderTests(RenderedManifests manifests, ITestOutputHelper output)
{
    [Fact]
    public void Renders_every_expected_object_into_the_namespace()
    {
        output.WriteLine($"rendered with {manifests.Renderer}: {manifests.Objects.Count} objects");

        Assert.Equal(RenderedManifests.Namespace, manifests.Named<V1Namespace>(RenderedManifests.Namespace).Metadata.Name);
        _ = manifests.Silo;
        _ = manifests.Gateway;
        _ = manifests.Named<V1Secret>("torrentcluster");
        _ = manifests.Named<V1ServiceAccount>("torrentcluster-silo");
        _ = manifests.Named<V1StatefulSet>("redis");
        _ = manifests.Named<V1Service>("redis");

        var misplaced = manifests.Objects.OfType<IKubernetesObject<V1ObjectMeta>>()
            .Where(o => o is not V1Namespace && o.Metadata.NamespaceProperty != RenderedManifests.Namespace)
            .Select(o => $"{o.Kind}/{o.Metadata.Name} in '{o.Metadata.NamespaceProperty}'")
            .ToList();
        Assert.True(misplaced.Count == 0, "outside the namespace: " + string.Join(", ", misplaced));
    }

    [Fact]
    public void Every_field_has_the_json_type_the_api_server_expects()
    {
        var documents = YamlToJson.Documents(manifests.Yaml);
        Assert.Equal(manifests.Objects.Count, documents.Count);

        var deserialize = typeof(KubernetesJson).GetMethods()
            .Single(m => m.Name == nameof(KubernetesJson.Deserialize) && m.GetParameters()[0].ParameterType == typeof(string));
        for (var i = 0; i < documents.Count; i++)
        {
            var json = documents[i]!.ToJsonString();
            var type = manifests.Objects[i].GetType();
            var error = Record.Exception(() => deserialize.MakeGenericMethod(type).Invoke(null, [json, null]));
            Assert.True(error is null, $"{type.Name} #{i}: {error?.InnerException?.Message ?? error?.Message}");
        }
    }

    [Fact]
    public void Kustomization_lists_every_manifest_in_its_folder()
    {
        // A manifest added to the folder but not to kustomization.yaml would never be applied.
        var listed = PlainKustomization.Resources(PlainKustomization.Load($"{RenderedManifests.Folder}/kustomization.yaml")).ToHashSet();
        var files = Directory.GetFiles(RepositoryFiles.PathOf(RenderedManifests.Folder), "*.yaml")
            .Select(path => Path.GetFileName(path))
            .Where(name => name != "kustomization.yaml")
            .ToList();

        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.Contains(file, listed));
        Assert.All(listed, file => Assert.True(RepositoryFiles.Exists($"{RenderedManifests.Folder}/{file}"), $"{file} is listed but missing"));
    }

    [Fact]
    public void Names_fit_kubernetes_limits()
    {
        // Port names are IANA service names (at most 15 characters) and probes and Services refer to them by name.
        var ports = manifests.PodTemplates
            .SelectMany(t => t.Template.Spec.Containers)
            .SelectMany(c => c.Ports ?? [])
            .Select(p => p.Name)
            .ToList();

        Assert.All(ports, name => Assert.InRange(name?.Length ?? 0, 1, 15));
    }
}
