using StackExchange.Redis;

namespace TorrentCluster.Gateway.ClusterSecurity;

/// <summary>
/// Says at every start how this process guards the cluster's private zone: which certificate it presents on
/// Orleans' ports and until when, and, loudly, when those ports or Redis are open to anyone who reaches them.
/// </summary>
public sealed partial class ClusterSecurityNotice(ClusterSecurityNotice.Settings settings, ILogger<ClusterSecurityNotice> logger) : IHostedService
{
    // Long enough to plan a rotation, short enough not to be noise.
    private static readonly TimeSpan ExpiryWarning = TimeSpan.FromDays(30);

    /// <summary>What this process runs with: its certificates (null when TLS is off), its mode, its Redis connection string.</summary>
    public sealed record Settings(ClusterCertificates? Tls, bool ClusterMode, string? Redis);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.Tls is { } tls)
        {
            var authorities = string.Join("; ", tls.Authorities.Select(authority => authority.Subject));
            LogTlsOn(tls.Certificate.Subject, tls.Certificate.NotAfter, authorities);
            if (tls.Certificate.NotAfter - DateTime.Now < ExpiryWarning)
            {
                LogCertificateExpiresSoon(tls.Certificate.Subject, tls.Certificate.NotAfter);
            }
        }
        else if (settings.ClusterMode)
        {
            LogTlsOff(ClusterTlsOptions.SectionName);
        }

        if (settings.ClusterMode && settings.Redis is { Length: > 0 } redis && HasNoPassword(redis))
        {
            LogRedisWithoutPassword();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static bool HasNoPassword(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        return string.IsNullOrEmpty(options.Password);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Orleans connections use mutual TLS: this process presents {Subject} (valid until {NotAfter:u}) and accepts only peers issued by {Authorities}")]
    private partial void LogTlsOn(string subject, DateTime notAfter, string authorities);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The certificate {Subject} on Orleans' ports expires {NotAfter:u}: issue a new one (deploy/certs.sh --renew) before peers refuse it")]
    private partial void LogCertificateExpiresSoon(string subject, DateTime notAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Orleans' ports are in PLAIN TEXT ({Section}:Required=false): anyone who reaches the silo and gateway ports can call every grain, read the users and remove torrents, skipping the JSON-RPC gateway's authentication")]
    private partial void LogTlsOff(string section);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is reached without a password (no password= in TorrentCluster:Cluster:Redis): whoever reaches Redis owns the cluster's membership, users and torrents; run it with requirepass")]
    private partial void LogRedisWithoutPassword();
}
