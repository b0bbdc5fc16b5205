using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Orleans.Connections.Security;

namespace TorrentCluster.Gateway.ClusterSecurity;

/// <summary>
/// This process's certificate and the cluster CA, loaded once at start, and the one rule both sides of every
/// Orleans connection apply: a peer is a member when it presents a certificate issued by the cluster CA, and only
/// then. Silos and the gateway's client hand <see cref="ApplyTo"/> to Orleans' <c>UseTls</c>.
/// </summary>
public sealed class ClusterCertificates : IDisposable
{
    private ClusterCertificates(X509Certificate2 certificate, X509Certificate2Collection authorities)
    {
        Certificate = certificate;
        Authorities = authorities;
    }

    /// <summary>What this process presents to its peers.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The cluster CA certificates that peers' certificates must be issued by.</summary>
    public X509Certificate2Collection Authorities { get; }

    /// <summary>
    /// The certificates <c>TorrentCluster:Cluster:Tls</c> names, or null when TLS stays off (no certificate, and
    /// not in cluster mode or explicitly not required). Throws with the setting to fix when they cannot be used.
    /// </summary>
    public static ClusterCertificates? FromConfiguration(IConfiguration configuration, bool clusterMode)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(ClusterTlsOptions.SectionName).Get<ClusterTlsOptions>() ?? new ClusterTlsOptions();
        var validation = new ClusterTlsOptionsValidator(clusterMode).Validate(null, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(ClusterTlsOptions.SectionName, typeof(ClusterTlsOptions), validation.Failures);
        }

        return options.IsConfigured ? Load(options) : null;
    }

    /// <summary>Loads and checks the files of <paramref name="options"/>, which name a certificate.</summary>
    public static ClusterCertificates Load(ClusterTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var authorities = LoadAuthorities(options.CaPath!);
        var certificate = LoadCertificate(options);
        var loaded = new ClusterCertificates(certificate, authorities);
        try
        {
            loaded.CheckOwnCertificate(options);
        }
        catch
        {
            loaded.Dispose();
            throw;
        }

        return loaded;
    }

    /// <summary>Whether <paramref name="certificate"/> is issued by the cluster CA and valid now; the system's roots do not count.</summary>
    public bool IsIssuedByCluster(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(Authorities);
        // A private CA publishes no revocation list; a compromised certificate is revoked by replacing the CA
        // (docs/security.md, "Rotating certificates and the Redis password").
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    /// <summary>
    /// Mutual TLS as every Orleans endpoint of the cluster uses it: present this certificate, demand one from the
    /// peer, accept it only when the cluster CA issued it.
    /// </summary>
    public void ApplyTo(TlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.LocalCertificate = Certificate;
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        // Replaces the platform's verdict, which trusts the system's roots and compares host names: silos are
        // reached by IP addresses that change with every pod, so membership of the cluster is what is checked.
        options.RemoteCertificateValidation = (certificate, _, _) => IsIssuedByCluster(certificate);
    }

    public void Dispose()
    {
        Certificate.Dispose();
        foreach (var authority in Authorities)
        {
            authority.Dispose();
        }
    }

    private static X509Certificate2Collection LoadAuthorities(string path)
    {
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(path);
        }
        catch (CryptographicException exception)
        {
            throw Unusable("CaPath", path, $"is not a PEM certificate: {exception.Message}", exception);
        }

        return authorities.Count > 0 ? authorities : throw Unusable("CaPath", path, "holds no PEM certificate");
    }

    private static X509Certificate2 LoadCertificate(ClusterTlsOptions options)
    {
        var path = options.CertificatePath!;
        try
        {
            if (string.IsNullOrWhiteSpace(options.KeyPath))
            {
                return X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword);
            }

            // A key read from PEM lives only in memory, which Windows' TLS cannot use; a PKCS#12 round trip gives
            // it a form every platform's TLS accepts.
            using var pem = X509Certificate2.CreateFromPemFile(path, options.KeyPath);
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), password: null);
        }
        catch (CryptographicException exception)
        {
            throw Unusable("CertificatePath", path, $"and its key cannot be loaded: {exception.Message}", exception);
        }
    }

    private void CheckOwnCertificate(ClusterTlsOptions options)
    {
        var path = options.CertificatePath!;
        if (!Certificate.HasPrivateKey)
        {
            throw Unusable("CertificatePath", path, "has no private key");
        }

        var now = DateTime.Now;
        if (now < Certificate.NotBefore || now > Certificate.NotAfter)
        {
            throw Unusable("CertificatePath", path, $"is valid from {Certificate.NotBefore:u} to {Certificate.NotAfter:u} only: issue a new one (deploy/certs.sh --renew)");
        }

        // Peers would refuse it with nothing in this process's log to say why: refuse it here instead.
        if (!IsIssuedByCluster(Certificate))
        {
            throw Unusable("CertificatePath", path, $"({Certificate.Subject}, issued by {Certificate.Issuer}) is not issued by the CA in {Path.GetFullPath(options.CaPath!)}");
        }
    }

    private static InvalidOperationException Unusable(string setting, string path, string problem, Exception? inner = null) =>
        new($"{ClusterTlsOptions.SectionName}:{setting}: {Path.GetFullPath(path)} {problem}", inner);
}
