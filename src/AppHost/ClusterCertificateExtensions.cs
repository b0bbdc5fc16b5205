namespace TorrentCluster.AppHost;

/// <summary>Hands a silo or the gateway its certificate for mutual TLS on Orleans' ports.</summary>
internal static class ClusterCertificateExtensions
{
    /// <summary>NAME.crt and NAME.key from <paramref name="folder"/>, and the cluster CA beside them (deploy/certs.sh's layout).</summary>
    public static IResourceBuilder<T> WithClusterCertificate<T>(this IResourceBuilder<T> resource, string folder, string name)
        where T : IResourceWithEnvironment =>
        resource
            .WithEnvironment("TorrentCluster__Cluster__Tls__CertificatePath", Path.Combine(folder, $"{name}.crt"))
            .WithEnvironment("TorrentCluster__Cluster__Tls__KeyPath", Path.Combine(folder, $"{name}.key"))
            .WithEnvironment("TorrentCluster__Cluster__Tls__CaPath", Path.Combine(folder, "ca.crt"));
}
