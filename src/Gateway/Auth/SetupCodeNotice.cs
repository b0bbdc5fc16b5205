using Microsoft.Extensions.Options;
using TorrentCluster.Abstractions.Auth;

namespace TorrentCluster.Gateway.Auth;

/// <summary>
/// At start, while no user exists, tells the operator the one-time setup code that <c>auth.init</c> from another
/// machine needs, in the log and in <see cref="SetupCodeFile"/>, as Jupyter and Grafana do with their first
/// secrets. Waits for the cluster in the background: a gateway may start before its silos.
/// </summary>
public sealed partial class SetupCodeNotice(
    IGrainFactory grains, SetupCodeFile file, IOptions<AuthOptions> options, TimeProvider clock, ILogger<SetupCodeNotice> logger) : BackgroundService
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var code = await grains.GetGrain<IUsersGrain>(0).GetSetupCodeAsync().WaitAsync(stoppingToken);
                if (code is null)
                {
                    file.Delete();
                    return;
                }

                file.Write(code);
                LogSetupCode(code, file.Path ?? "no file (TorrentCluster:Auth:SetupCodeFile is unset)");
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogClusterNotReady(exception.Message);
                await Task.Delay(RetryInterval, clock, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "No user exists yet. Create the first one with auth.init: from this machine as is, from any other with \"setup_code\": \"{SetupCode}\" (also in {File}); the code works once")]
    private partial void LogSetupCode(string setupCode, string file);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Setup code: the cluster does not answer yet ({Reason}); retrying")]
    private partial void LogClusterNotReady(string reason);
}
