using System.Net;
using Microsoft.Extensions.Options;
using TorrentCluster.Engine;

namespace TorrentCluster.Grains.Hosting;

/// <summary>Checks the engine settings at start, with messages that say which setting is wrong and why.</summary>
internal sealed class SiloEngineOptionsValidator : IValidateOptions<SiloEngineOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloEngineOptions options)
    {
        var failures = new List<string>();
        if (!IPAddress.TryParse(options.ListenAddress, out _))
        {
            failures.Add($"{SiloEngineOptions.SectionName}:ListenAddress '{options.ListenAddress}' is not an IP address");
        }

        if (options.ListenPort is < 0 or > 65535)
        {
            failures.Add($"{SiloEngineOptions.SectionName}:ListenPort {options.ListenPort} is not a port (0-65535)");
        }

        if (string.IsNullOrWhiteSpace(options.DataPath))
        {
            failures.Add($"{SiloEngineOptions.SectionName}:DataPath is required");
        }

        if (options.UploadRateLimit < 0 || options.DownloadRateLimit < 0)
        {
            failures.Add($"{SiloEngineOptions.SectionName}: rate limits are bytes per second, 0 for none; negative values mean nothing");
        }

        if (options.ConnectionsLimit < 1)
        {
            failures.Add($"{SiloEngineOptions.SectionName}:ConnectionsLimit must be at least 1");
        }

        foreach (var setting in options.Settings.Keys.Where(ReservedSettings.IsReserved))
        {
            failures.Add($"{SiloEngineOptions.SectionName}:Settings:{setting} cannot be set: the engine sets it and depends on it");
        }

        if (options.UtpConnectTimeout < TimeSpan.FromMilliseconds(100) || options.UtpConnectTimeout > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{SiloEngineOptions.SectionName}:UtpConnectTimeout must lie between 100 ms and one minute");
        }

        if (options.ResumeDataInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{SiloEngineOptions.SectionName}:ResumeDataInterval must be at least one second");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
