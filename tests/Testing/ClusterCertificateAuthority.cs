using System.Globalization;

namespace TorrentCluster.Testing;

/// <summary>
/// A cluster CA and certificates for mutual TLS on Orleans' ports, made by deploy/certs.sh in a folder of their own,
/// as an operator makes them. Each process gets a certificate of its own name, issued the first time it is asked for.
/// </summary>
public sealed class ClusterCertificateAuthority : IDisposable
{
    private static readonly TimeSpan ScriptPatience = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _folder = new();

    private ClusterCertificateAuthority()
    {
    }

    /// <summary>The CA's certificate, which every member trusts.</summary>
    public string CaPath => Path.Combine(_folder.Path, "ca.crt");

    /// <summary>A new CA, unrelated to any other.</summary>
    public static async Task<ClusterCertificateAuthority> CreateAsync()
    {
        var authority = new ClusterCertificateAuthority();
        try
        {
            await authority.RunScriptAsync();
        }
        catch
        {
            authority.Dispose();
            throw;
        }

        return authority;
    }

    public string CertificatePath(string name) => Path.Combine(_folder.Path, $"{name}.crt");

    public string KeyPath(string name) => Path.Combine(_folder.Path, $"{name}.key");

    /// <summary>
    /// The TorrentCluster:Cluster:Tls settings (as environment variables) of a process named <paramref name="name"/>,
    /// with a certificate this CA issued to it.
    /// </summary>
    public async Task<Dictionary<string, string>> TlsSettingsAsync(string name)
    {
        await IssueAsync(name);
        return new Dictionary<string, string>
        {
            ["TorrentCluster__Cluster__Tls__CertificatePath"] = CertificatePath(name),
            ["TorrentCluster__Cluster__Tls__KeyPath"] = KeyPath(name),
            ["TorrentCluster__Cluster__Tls__CaPath"] = CaPath,
        };
    }

    /// <summary>Issues a certificate to <paramref name="name"/> unless it has a good one already.</summary>
    public Task IssueAsync(string name) => RunScriptAsync(name);

    public void Dispose() => _folder.Dispose();

    private async Task RunScriptAsync(params string[] names)
    {
        await using var script = ExternalProcess.Start(
            "sh", [Path.Combine(BuildOutput.RepositoryRoot, "deploy", "certs.sh"), _folder.Path, .. names], package: "openssl");
        int exitCode;
        try
        {
            exitCode = await script.WaitForExitAsync(ScriptPatience);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"deploy/certs.sh did not finish within {ScriptPatience.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s:\n{script.Output}");
        }

        if (exitCode != 0)
        {
            throw new InvalidOperationException($"deploy/certs.sh {string.Join(' ', names)} exited with {exitCode}:\n{script.Output}");
        }
    }
}
