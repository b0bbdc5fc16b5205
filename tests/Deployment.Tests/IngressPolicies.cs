using System.Globalization;
using k8s.Models;

namespace TorrentCluster.Deployment.Tests;

/// <summary>
/// Who the NetworkPolicies let reach a port of a pod, added up as Kubernetes does: a pod that no Ingress policy
/// selects is open to all; a selected pod only to what some rule of a selecting policy allows. Only the features
/// the manifests use are understood (matchLabels, numeric or named ports); anything else fails, so a rule this
/// cannot read is never taken for a closed door.
/// </summary>
internal sealed class IngressPolicies(IReadOnlyList<V1NetworkPolicy> policies)
{
    /// <summary>What may reach <paramref name="port"/> of a pod with these labels and container.</summary>
    public AllowedPeers Allowed(IDictionary<string, string> podLabels, V1Container container, int port, string protocol = "TCP")
    {
        var selecting = policies
            .Where(policy => (policy.Spec.PolicyTypes ?? ["Ingress"]).Contains("Ingress"))
            .Where(policy => Selects(policy.Spec.PodSelector, podLabels))
            .ToList();
        if (selecting.Count == 0)
        {
            return new AllowedPeers(Anyone: true, []);
        }

        var rules = selecting
            .SelectMany(policy => policy.Spec.Ingress ?? [])
            .Where(rule => rule.Ports is not { Count: > 0 } || rule.Ports.Any(p => Matches(p, container, port, protocol)))
            .ToList();
        var anyone = rules.Any(rule => rule.FromProperty is not { Count: > 0 });
        var peers = rules.SelectMany(rule => rule.FromProperty ?? []).ToList();
        Assert.All(peers, peer => Assert.True(
            peer.IpBlock is null && peer.NamespaceSelector is null && peer.PodSelector?.MatchExpressions is not { Count: > 0 },
            "a rule names peers by more than pod labels; extend IngressPolicies before relying on it"));
        return new AllowedPeers(anyone, [.. peers.Select(peer => peer.PodSelector)]);
    }

    /// <summary>Whether any policy with Ingress selects the pod, so that only its rules open it.</summary>
    public bool IsGuarded(IDictionary<string, string> podLabels) =>
        policies.Any(policy => (policy.Spec.PolicyTypes ?? ["Ingress"]).Contains("Ingress") && Selects(policy.Spec.PodSelector, podLabels));

    // An empty selector selects every pod of the namespace.
    public static bool Selects(V1LabelSelector? selector, IDictionary<string, string> labels)
    {
        Assert.True(selector?.MatchExpressions is not { Count: > 0 }, "matchExpressions are not understood here");
        return selector?.MatchLabels is not { Count: > 0 } matchLabels
            || matchLabels.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);
    }

    private static bool Matches(V1NetworkPolicyPort rule, V1Container container, int port, string protocol)
    {
        Assert.True(rule.EndPort is null, "port ranges are not understood here");
        if ((rule.Protocol ?? "TCP") != protocol)
        {
            return false;
        }

        var value = rule.Port?.Value;
        if (value is null)
        {
            return true;
        }

        return int.TryParse(value, CultureInfo.InvariantCulture, out var number)
            ? number == port
            : container.Ports?.Any(p => p.Name == value && p.ContainerPort == port && (p.Protocol ?? "TCP") == protocol) == true;
    }
}

/// <summary>Anyone, or the pods that these label selectors pick (in the policy's own namespace).</summary>
internal sealed record AllowedPeers(bool Anyone, IReadOnlyList<V1LabelSelector> PodSelectors)
{
    /// <summary>Whether no one at all may connect.</summary>
    public bool Nobody => !Anyone && PodSelectors.Count == 0;

    /// <summary>Whether a pod with these labels is among the allowed peers.</summary>
    public bool Admits(IDictionary<string, string> labels) => Anyone || PodSelectors.Any(selector => IngressPolicies.Selects(selector, labels));
}
