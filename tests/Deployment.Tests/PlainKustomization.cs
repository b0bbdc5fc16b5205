using k8s;
using k8s.Models;
using YamlDotNet.RepresentationModel;

namespace TorrentCluster.Deployment.Tests;

/// <summary>
/// The stand-in for `kubectl kustomize` on a machine without kubectl: loads the files kustomization.yaml lists
/// and puts the namespaced objects in its namespace. Anything else in the kustomization fails, so a feature this
/// cannot imitate is never silently skipped.
/// </summary>
internal static class PlainKustomization
{
    private static readonly HashSet<string> Supported = ["apiVersion", "kind", "namespace", "resources"];

    public static (string Yaml, List<object> Objects) Render(string folder)
    {
        var kustomization = Load($"{folder}/kustomization.yaml");
        var unsupported = kustomization.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Where(k => !Supported.Contains(k)).ToList();
        Assert.True(unsupported.Count == 0, $"kubectl is needed to render kustomization fields {string.Join(", ", unsupported)}");

        var ns = ((YamlScalarNode)kustomization["namespace"]).Value;
        var objects = new List<object>();
        var yaml = new List<string>();
        foreach (var resource in Resources(kustomization))
        {
            var text = RepositoryFiles.Read($"{folder}/{resource}");
            yaml.Add(text);
            foreach (var item in KubernetesYaml.LoadAllFromString(text, strict: true))
            {
                if (item is IKubernetesObject<V1ObjectMeta> named and not V1Namespace)
                {
                    named.Metadata.NamespaceProperty = ns;
                }

                objects.Add(item);
            }
        }

        return (string.Join("\n---\n", yaml), objects);
    }

    /// <summary>The file names under `resources:` of a kustomization.</summary>
    public static IEnumerable<string> Resources(YamlMappingNode kustomization) =>
        ((YamlSequenceNode)kustomization["resources"]).Children.Select(n => ((YamlScalarNode)n).Value!);

    public static YamlMappingNode Load(string relativePath)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(RepositoryFiles.Read(relativePath));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }
}
