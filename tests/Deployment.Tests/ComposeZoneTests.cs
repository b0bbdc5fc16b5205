namespace TorrentCluster.Deployment.Tests;

/// <summary>The Compose stack's private zone: Redis behind a password, Orleans' ports behind mutual TLS.</summary>
public sealed class ComposeZoneTests
{
    private const string PasswordVariable = "${TORRENTCLUSTER_REDIS_PASSWORD:?";
    private static readonly string[] Members = ["silo-1", "silo-2", "silo-3", "gateway"];

    private readonly ComposeFile compose = ComposeFile.Load();

    [Fact]
    public void Redis_demands_a_password_that_has_no_default()
    {
        var redis = compose.Service("redis");
        var command = ComposeFile.Strings(redis, "command");

        var option = command.IndexOf("--requirepass");
        Assert.True(option >= 0, $"redis runs without --requirepass: {string.Join(' ', command)}");
        Assert.StartsWith(PasswordVariable, command[option + 1], StringComparison.Ordinal);
        // Its own health check must get in too.
        Assert.StartsWith(PasswordVariable, compose.Environment("redis")["REDISCLI_AUTH"], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_silo_and_the_gateway_connect_to_redis_with_the_same_password()
    {
        var redisPassword = ComposeFile.Strings(compose.Service("redis"), "command").SkipWhile(a => a != "--requirepass").ElementAt(1);

        Assert.All(Members, member =>
        {
            var connection = compose.Environment(member)["TorrentCluster__Cluster__Redis"];
            Assert.Equal($"redis:6379,password={redisPassword}", connection);
        });
    }

    [Fact]
    public void Every_silo_and_the_gateway_present_a_certificate_of_their_own_from_the_certs_volume()
    {
        Assert.All(Members, member =>
        {
            var env = compose.Environment(member);
            Assert.Equal($"/certs/{member}.crt", env["TorrentCluster__Cluster__Tls__CertificatePath"]);
            Assert.Equal($"/certs/{member}.key", env["TorrentCluster__Cluster__Tls__KeyPath"]);
            Assert.Equal("/certs/ca.crt", env["TorrentCluster__Cluster__Tls__CaPath"]);
            Assert.DoesNotContain("TorrentCluster__Cluster__Tls__Required", env.Keys);

            // Read-only: a member reads its certificate, it never writes the cluster's.
            Assert.Contains("cluster-certs:/certs:ro", ComposeFile.Strings(compose.Service(member), "volumes"));
            var dependsOn = ComposeFile.Mapping(compose.Service(member), "depends_on");
            var certs = (Dictionary<object, object>)dependsOn["certs"];
            Assert.Equal("service_completed_successfully", certs["condition"]);
        });
    }

    [Fact]
    public void The_certs_service_makes_a_certificate_for_every_member_with_the_repository_script()
    {
        var certs = compose.Service("certs");
        var command = string.Join(' ', ComposeFile.Strings(certs, "command"));

        Assert.Contains("./deploy/certs.sh:/deploy/certs.sh:ro", ComposeFile.Strings(certs, "volumes"));
        Assert.Contains("cluster-certs:/certs", ComposeFile.Strings(certs, "volumes"));
        Assert.Contains($"sh /deploy/certs.sh /certs {string.Join(' ', Members)}", command, StringComparison.Ordinal);
        // The members run as the images' user and must read their keys; the CA's key is not handed over.
        Assert.Contains("chown 1654:1654 /certs/silo-*.key /certs/gateway.key", command, StringComparison.Ordinal);
        Assert.DoesNotContain("ca.key", command, StringComparison.Ordinal);
        Assert.Equal("no", certs["restart"]);
        Assert.Contains("cluster-certs", ComposeFile.Mapping(compose.Root, "volumes").Keys.Cast<string>());
    }
}
