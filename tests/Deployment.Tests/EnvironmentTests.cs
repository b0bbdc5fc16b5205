using k8s.Models;

namespace TorrentCluster.Deployment.Tests;

/// <summary>The settings the processes read from their environment, and the Secret behind some of them.</summary>
[Collection(ManifestsCollection.Name)]
public sealed class EnvironmentTests(RenderedManifests manifests)
{
    public static TheoryData<string> ProjectContainers => new() { "silo", "gateway" };

    [Theory]
    [InlineData("POD_NAME", "metadata.name")]
    [InlineData("POD_NAMESPACE", "metadata.namespace")]
    [InlineData("POD_IP", "status.podIP")]
    public void Pod_identity_comes_from_the_downward_api(string name, string fieldPath)
    {
        var variable = Assert.Single(manifests.SiloContainer.Env, e => e.Name == name);
        Assert.Equal(fieldPath, variable.ValueFrom?.FieldRef?.FieldPath);
    }

    [Theory]
    [InlineData("TorrentCluster__Cluster__SiloName", "POD_NAME")]
    [InlineData("TorrentCluster__Cluster__AdvertisedAddress", "POD_IP")]
    public void Silo_name_and_address_are_the_pods(string name, string source)
    {
        var env = manifests.SiloContainer.Env.ToList();
        var index = env.FindIndex(e => e.Name == name);

        Assert.True(index >= 0, $"{name} is not set");
        Assert.Equal($"$({source})", env[index].Value);
        // Kubernetes expands $(VAR) only from variables listed earlier.
        Assert.True(env.FindIndex(e => e.Name == source) < index, $"{source} must come before {name}");
    }

    [Theory]
    [InlineData("TorrentCluster__Cluster__Mode", "Redis")]
    [InlineData("TorrentCluster__Cluster__HostGateway", "false")]
    [InlineData("TorrentCluster__Cluster__Kubernetes", "true")]
    [InlineData("TorrentCluster__Engine__DataPath", "/data")]
    [InlineData("Logging__Console__FormatterName", "json")]
    public void Silo_runs_in_cluster_mode_under_kubernetes_hosting(string name, string value)
    {
        Assert.Equal(value, Assert.Single(manifests.SiloContainer.Env, e => e.Name == name).Value);
    }

    [Fact]
    public void The_secret_holds_placeholders_for_the_jwt_secret_and_redis()
    {
        var values = SecretValues(manifests.Named<V1Secret>("torrentcluster"));

        Assert.Contains("CHANGE-ME", values["jwt-secret"], StringComparison.Ordinal);
        // Too short to pass the gateway's check: applied unchanged, the pods refuse to start instead of signing
        // tokens with a secret published in git.
        Assert.True(values["jwt-secret"].Length < CodeDefaults.MinimumSecretLength, "the placeholder would be accepted as a real secret");
        Assert.False(string.IsNullOrWhiteSpace(values["redis"]));
    }

    [Fact]
    public void The_default_redis_connection_reaches_the_redis_service()
    {
        var endpoint = SecretValues(manifests.Named<V1Secret>("torrentcluster"))["redis"].Split(',')[0].Split(':');
        var service = manifests.Named<V1Service>(endpoint[0]);
        var redis = manifests.Named<V1StatefulSet>("redis");

        Assert.Contains(service.Spec.Ports, p => p.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) == endpoint[1]);
        Assert.True(RenderedManifests.Selects(service.Spec.Selector, redis.Spec.Template.Metadata.Labels), "the redis Service does not select Redis");
    }

    [Theory]
    [MemberData(nameof(ProjectContainers))]
    public void Silo_and_gateway_read_the_jwt_secret_and_redis_from_the_secret(string name)
    {
        var env = (name == "silo" ? manifests.SiloContainer : manifests.GatewayContainer).Env;

        AssertFromSecret(env, "TorrentCluster__Auth__Secret", "jwt-secret");
        AssertFromSecret(env, "TorrentCluster__Cluster__Redis", "redis");
    }

    [Fact]
    public void Every_secret_reference_names_a_key_that_exists()
    {
        var references = manifests.PodTemplates
            .SelectMany(t => t.Template.Spec.Containers)
            .SelectMany(c => c.Env ?? [])
            .Select(e => e.ValueFrom?.SecretKeyRef)
            .OfType<V1SecretKeySelector>()
            .ToList();

        Assert.NotEmpty(references);
        Assert.All(references, reference => Assert.Contains(reference.Key, SecretValues(manifests.Named<V1Secret>(reference.Name)).Keys));
    }

    private static void AssertFromSecret(IList<V1EnvVar> env, string name, string key)
    {
        var variable = Assert.Single(env, e => e.Name == name);
        Assert.Null(variable.Value);
        Assert.Equal("torrentcluster", variable.ValueFrom?.SecretKeyRef?.Name);
        Assert.Equal(key, variable.ValueFrom?.SecretKeyRef?.Key);
    }

    private static Dictionary<string, string> SecretValues(V1Secret secret)
    {
        var values = new Dictionary<string, string>(secret.StringData ?? new Dictionary<string, string>());
        foreach (var (key, bytes) in secret.Data ?? new Dictionary<string, byte[]>())
        {
            values[key] = System.Text.Encoding.UTF8.GetString(bytes);
        }

        return values;
    }
}
