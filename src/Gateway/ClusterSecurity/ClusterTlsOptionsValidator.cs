using Microsoft.Extensions.Options;

namespace TorrentCluster.Gateway.ClusterSecurity;

/// <summary>
/// Refuses a TLS configuration that cannot work, naming the setting to fix: a cluster without certificates (unless
/// explicitly allowed), a certificate without its CA, a file that is not there.
/// </summary>
/// <param name="clusterMode">Whether this process is part of a cluster of several processes (Redis mode).</param>
public sealed class ClusterTlsOptionsValidator(bool clusterMode) : IValidateOptions<ClusterTlsOptions>
{
    private const string Section = ClusterTlsOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, ClusterTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsConfigured)
        {
            if (!string.IsNullOrWhiteSpace(options.KeyPath) || !string.IsNullOrWhiteSpace(options.CaPath))
            {
                return ValidateOptionsResult.Fail($"{Section}:CertificatePath is not set, though {Section}:KeyPath or {Section}:CaPath is: set all three");
            }

            return clusterMode && options.Required
                ? ValidateOptionsResult.Fail(
                    $"Orleans' ports need mutual TLS in cluster mode: set {Section}:CertificatePath, {Section}:KeyPath and {Section}:CaPath " +
                    $"(deploy/certs.sh makes them), or set {Section}:Required=false to run them in plain text, open to anyone who reaches them")
                : ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(options.CaPath))
        {
            return ValidateOptionsResult.Fail($"{Section}:CaPath is not set: peers are checked against the cluster CA only, so it is needed");
        }

        var missing = new[] { ("CertificatePath", options.CertificatePath), ("KeyPath", options.KeyPath), ("CaPath", options.CaPath) }
            .Where(file => !string.IsNullOrWhiteSpace(file.Item2) && !File.Exists(file.Item2))
            .Select(file => $"{Section}:{file.Item1} names {Path.GetFullPath(file.Item2!)}, which does not exist")
            .ToList();
        return missing.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(missing);
    }
}
