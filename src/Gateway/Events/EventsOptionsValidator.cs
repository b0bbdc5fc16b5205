using Microsoft.Extensions.Options;

namespace TorrentCluster.Gateway.Events;

/// <summary>Checks the event stream's settings at start.</summary>
internal sealed class EventsOptionsValidator : IValidateOptions<EventsOptions>
{
    public ValidateOptionsResult Validate(string? name, EventsOptions options)
    {
        var failures = new List<string>();
        if (!options.Path.StartsWith('/'))
        {
            failures.Add($"{EventsOptions.SectionName}:Path must start with '/', got '{options.Path}'");
        }

        if (options.MaxClients < 1)
        {
            failures.Add($"{EventsOptions.SectionName}:MaxClients must be at least 1, got {options.MaxClients}");
        }

        if (options.ClientBuffer < 1)
        {
            failures.Add($"{EventsOptions.SectionName}:ClientBuffer must be at least 1, got {options.ClientBuffer}");
        }

        if (options.KeepAlive < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{EventsOptions.SectionName}:KeepAlive must be at least 1 second, got {options.KeepAlive}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
