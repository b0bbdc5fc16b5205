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
    public void The_secret_holds_placeholders_for_the_jwt_secret_and_the_redis_password_and_the_redis_endpoint()
    {
        var values = SecretValues(manifests.Named<V1Secret>("torrentcluster"));

        Assert.Contains("CHANGE-ME", values["jwt-secret"], StringComparison.Ordinal);
        // Too short to pass the gateway's check: applied unchanged, the pods refuse to start instead of signing
        // tokens with a secret published in git.
        Assert.True(values["jwt-secret"].Length < CodeDefaults.MinimumSecretLength, "the placeholder would be accepted as a real secret");
        Assert.False(string.IsNullOrWhiteSpace(values["redis"]));
        Assert.DoesNotContain("password", values["redis"], StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("CHANGE-ME", values["redis-password"], StringComparison.Ordinal);
    }

    [Fact]
    public void Redis_demands_the_password_from_the_secret_and_refuses_the_placeholder()
    {
        var redis = manifests.Named<V1StatefulSet>("redis").Spec.Template.Spec.Containers.Single();
        var script = string.Join('\n', (redis.Command ?? []).Concat(redis.Args ?? []));

        AssertFromSecret(redis.Env, "REDIS_PASSWORD", "redis-password");
        AssertFromSecret(redis.Env, "REDISCLI_AUTH", "redis-password");
        Assert.Contains("--requirepass \"$REDIS_PASSWORD\"", script, StringComparison.Ordinal);
        Assert.Contains("CHANGE-ME*) ", script, StringComparison.Ordinal);
        Assert.Contains("exit 1", script, StringComparison.Ordinal);
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

    [Fact]
    public void The_gateway_reads_the_jwt_secret_from_the_secret_and_silos_get_none()
    {
        AssertFromSecret(manifests.GatewayContainer.Env, "TorrentCluster__Auth__Secret", "jwt-secret");

        // Silos host no gateway here: a secret they do not need is one more place it can leak from.
        Assert.Equal("false", Assert.Single(manifests.SiloContainer.Env, e => e.Name == "TorrentCluster__Cluster__HostGateway").Value);
        Assert.DoesNotContain(manifests.SiloContainer.Env, e => e.Name == "TorrentCluster__Auth__Secret" || e.ValueFrom?.SecretKeyRef?.Key == "jwt-secret");
    }

    [Theory]
    [MemberData(nameof(ProjectContainers))]
    public void Silo_and_gateway_join_the_redis_endpoint_and_password_from_the_secret(string name)
    {
        var env = (name == "silo" ? manifests.SiloContainer : manifests.GatewayContainer).Env.ToList();

        AssertFromSecret(env, "REDIS_ENDPOINT", "redis");
        AssertFromSecret(env, "REDIS_PASSWORD", "redis-password");
        var connection = env.FindIndex(e => e.Name == "TorrentCluster__Cluster__Redis");
        Assert.True(connection >= 0, "TorrentCluster__Cluster__Redis is not set");
        Assert.Equal("$(REDIS_ENDPOINT),password=$(REDIS_PASSWORD)", env[connection].Value);
        // Kubernetes expands $(VAR) only from variables listed earlier.
        Assert.True(env.FindIndex(e => e.Name == "REDIS_ENDPOINT") < connection && env.FindIndex(e => e.Name == "REDIS_PASSWORD") < connection);
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
