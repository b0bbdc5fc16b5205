using Microsoft.Extensions.Options;

namespace TorrentCluster.Gateway.Auth;

/// <summary>Says at start, loudly, when authentication is off.</summary>
public sealed partial class AuthStartupNotice(IOptions<AuthOptions> options, ILogger<AuthStartupNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            LogAuthDisabled(AuthOptions.SectionName);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Authentication is OFF ({Section}:Enabled=false): every caller that reaches this port controls the whole fleet")]
    private partial void LogAuthDisabled(string section);
}
