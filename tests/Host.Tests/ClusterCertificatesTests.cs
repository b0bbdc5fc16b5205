using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using TorrentCluster.Gateway.ClusterSecurity;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Host.Tests;

/// <summary>
/// The rule both ends of every Orleans connection apply, on certificates made by deploy/certs.sh: the cluster's CA
/// issued it, or it is refused; and the settings that decide whether TLS is on.
/// </summary>
public sealed class ClusterCertificatesTests
{
    [Fact]
    public async Task Certificates_of_the_cluster_ca_are_members_and_those_of_another_ca_are_not()
    {
        using var cluster = await ClusterCertificateAuthority.CreateAsync();
        using var other = await ClusterCertificateAuthority.CreateAsync();
        await cluster.IssueAsync("silo-1");
        await other.IssueAsync("silo-1");
        using var loaded = ClusterCertificates.Load(Options(cluster, "gateway", await Issued(cluster, "gateway")));

        using var member = X509CertificateLoader.LoadCertificateFromFile(cluster.CertificatePath("silo-1"));
        using var stranger = X509CertificateLoader.LoadCertificateFromFile(other.CertificatePath("silo-1"));
        using var strangersCa = X509CertificateLoader.LoadCertificateFromFile(other.CaPath);
        Assert.True(loaded.IsIssuedByCluster(member));
        Assert.False(loaded.IsIssuedByCluster(stranger));
        // A CA certificate itself is no member's certificate, and a self-made one proves nothing.
        Assert.False(loaded.IsIssuedByCluster(strangersCa));
    }

    [Fact]
    public async Task A_ca_bundle_trusts_both_cas_while_the_ca_is_replaced()
    {
        using var old = await ClusterCertificateAuthority.CreateAsync();
        using var replacement = await ClusterCertificateAuthority.CreateAsync();
        using var folder = new TempDirectory();
        var bundle = Path.Combine(folder.Path, "bundle.crt");
        await File.WriteAllTextAsync(bundle, await File.ReadAllTextAsync(old.CaPath) + await File.ReadAllTextAsync(replacement.CaPath));
        await old.IssueAsync("silo-1");
        await replacement.IssueAsync("silo-2");

        var options = Options(old, "gateway", await Issued(old, "gateway"));
        options.CaPath = bundle;
        using var loaded = ClusterCertificates.Load(options);

        Assert.Equal(2, loaded.Authorities.Count);
        using var fromOld = X509CertificateLoader.LoadCertificateFromFile(old.CertificatePath("silo-1"));
        using var fromReplacement = X509CertificateLoader.LoadCertificateFromFile(replacement.CertificatePath("silo-2"));
        Assert.True(loaded.IsIssuedByCluster(fromOld));
        Assert.True(loaded.IsIssuedByCluster(fromReplacement));
    }

    [Fact]
    public async Task A_process_refuses_to_start_with_a_certificate_its_own_ca_did_not_issue()
    {
        using var cluster = await ClusterCertificateAuthority.CreateAsync();
        using var other = await ClusterCertificateAuthority.CreateAsync();
        var options = Options(other, "gateway", await Issued(other, "gateway"));
        options.CaPath = cluster.CaPath;

        var refusal = Assert.Throws<InvalidOperationException>(() => ClusterCertificates.Load(options));
        Assert.Contains("TorrentCluster:Cluster:Tls:CertificatePath", refusal.Message, StringComparison.Ordinal);
        Assert.Contains($"is not issued by the CA in {cluster.CaPath}", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, null, "Required=false")]
    [InlineData(true, "false", null)]
    [InlineData(false, null, null)]
    public void Without_a_certificate_only_cluster_mode_refuses_unless_told_not_to_require_one(bool clusterMode, string? required, string? failure)
    {
        var settings = new Dictionary<string, string?>();
        if (required is not null)
        {
            settings["TorrentCluster:Cluster:Tls:Required"] = required;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        if (failure is null)
        {
            Assert.Null(ClusterCertificates.FromConfiguration(configuration, clusterMode));
        }
        else
        {
            var refusal = Assert.Throws<OptionsValidationException>(() => ClusterCertificates.FromConfiguration(configuration, clusterMode));
            Assert.Contains(failure, refusal.Message, StringComparison.Ordinal);
            Assert.Contains("deploy/certs.sh", refusal.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_certificate_without_its_ca_or_with_a_missing_file_is_refused_by_name()
    {
        using var cluster = await ClusterCertificateAuthority.CreateAsync();
        var validator = new ClusterTlsOptionsValidator(clusterMode: true);
        var withoutCa = Options(cluster, "gateway", await Issued(cluster, "gateway"));
        withoutCa.CaPath = null;
        var missingKey = Options(cluster, "gateway", cluster.CertificatePath("gateway"));
        missingKey.KeyPath = Path.Combine(Path.GetDirectoryName(cluster.CaPath)!, "nowhere.key");

        Assert.Contains("TorrentCluster:Cluster:Tls:CaPath is not set", validator.Validate(null, withoutCa).FailureMessage, StringComparison.Ordinal);
        Assert.Contains("TorrentCluster:Cluster:Tls:KeyPath names", validator.Validate(null, missingKey).FailureMessage, StringComparison.Ordinal);
        Assert.True(validator.Validate(null, Options(cluster, "gateway", cluster.CertificatePath("gateway"))).Succeeded);
    }

    private static async Task<string> Issued(ClusterCertificateAuthority authority, string name)
    {
        await authority.IssueAsync(name);
        return authority.CertificatePath(name);
    }

    private static ClusterTlsOptions Options(ClusterCertificateAuthority authority, string name, string certificatePath) => new()
    {
        CertificatePath = certificatePath,
        KeyPath = authority.KeyPath(name),
        CaPath = authority.CaPath,
    };
}
