namespace TorrentCluster.Gateway.ClusterSecurity;

/// <summary>
/// Mutual TLS on Orleans' connections (silo to silo, gateway to silo), bound from <c>TorrentCluster:Cluster:Tls</c>
/// by silos and by the standalone gateway alike. On whenever <see cref="CertificatePath"/> is set; in cluster mode
/// required unless <see cref="Required"/> is false. <c>deploy/certs.sh</c> makes the files.
/// </summary>
public sealed class ClusterTlsOptions
{
    public const string SectionName = "TorrentCluster:Cluster:Tls";

    /// <summary>This process's certificate: PEM with <see cref="KeyPath"/> beside it, or PKCS#12 (.pfx) without.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key of <see cref="CertificatePath"/>; empty for a PKCS#12 file, which holds its key.</summary>
    public string? KeyPath { get; set; }

    /// <summary>The password of a PKCS#12 <see cref="CertificatePath"/>, if it has one.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// The cluster CA's certificate (PEM). Peers must present a certificate issued by it; the system's trusted roots
    /// count for nothing. It may hold several CA certificates while the CA is being replaced.
    /// </summary>
    public string? CaPath { get; set; }

    /// <summary>
    /// Whether cluster mode refuses to start without a certificate. False runs Orleans' ports in plain text, open
    /// to anyone who reaches them, and says so at every start. The embedded default (one process) needs none.
    /// </summary>
    public bool Required { get; set; } = true;

    /// <summary>Whether a certificate is configured, which turns TLS on.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(CertificatePath);
}
