using k8s;
using k8s.Models;

namespace TorrentCluster.Deployment.Tests;

/// <summary>
/// deploy/kubernetes rendered by kustomize and loaded into the typed Kubernetes model. The loader is strict: an
/// unknown kind, an unknown field or a value of the wrong type fails every test that uses this fixture, which is
/// how a typo in a manifest shows up here before a cluster rejects (or silently ignores) it.
/// </summary>
public sealed class RenderedManifests
{
    public const string Folder = "deploy/kubernetes";
    public const string Namespace = "torrentcluster";

    public RenderedManifests()
    {
        var kubectl = Kubectl.Find();
        if (kubectl is not null)
        {
            Renderer = "kubectl kustomize";
            Yaml = Kubectl.Kustomize(kubectl, RepositoryFiles.PathOf(Folder));
            Objects = KubernetesYaml.LoadAllFromString(Yaml, strict: true);
        }
        else
        {
            // Without kubectl the same objects are assembled by hand; PlainKustomization refuses any kustomization
            // feature beyond namespace and resources, so it cannot drift from what kubectl would render.
            Renderer = "resources of kustomization.yaml (kubectl not found)";
            (Yaml, Objects) = PlainKustomization.Render(Folder);
        }
    }

    /// <summary>How the objects were rendered, for test output.</summary>
    public string Renderer { get; }

    /// <summary>The rendered YAML stream, one document per object in <see cref="Objects"/>.</summary>
    public string Yaml { get; }

    public IReadOnlyList<object> Objects { get; }

    public IEnumerable<T> All<T>() => Objects.OfType<T>();

    public T Named<T>(string name)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        var matches = Objects.OfType<T>().Where(o => o.Metadata.Name == name).ToList();
        Assert.True(matches.Count == 1, $"expected one {typeof(T).Name} named {name}, found {matches.Count}");
        return matches[0];
    }

    public V1StatefulSet Silo => Named<V1StatefulSet>("torrentcluster-silo");

    public V1Deployment Gateway => Named<V1Deployment>("torrentcluster-gateway");

    public V1Container SiloContainer => Silo.Spec.Template.Spec.Containers.Single(c => c.Name == "silo");

    public V1Container GatewayContainer => Gateway.Spec.Template.Spec.Containers.Single(c => c.Name == "gateway");

    /// <summary>Every pod template of every workload, with the workload's kind/name for messages.</summary>
    public IEnumerable<(string Workload, V1PodTemplateSpec Template)> PodTemplates =>
        All<V1StatefulSet>().Select(s => ($"StatefulSet/{s.Metadata.Name}", s.Spec.Template))
            .Concat(All<V1Deployment>().Select(d => ($"Deployment/{d.Metadata.Name}", d.Spec.Template)));

    /// <summary>Whether a label selector's matchLabels pick a pod with these labels (no matchExpressions used here).</summary>
    public static bool Selects(IDictionary<string, string>? selector, IDictionary<string, string>? labels) =>
        selector is { Count: > 0 } && labels is not null
        && selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
