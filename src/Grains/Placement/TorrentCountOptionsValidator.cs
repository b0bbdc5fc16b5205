using Microsoft.Extensions.Options;

namespace TorrentCluster.Grains.Placement;

/// <summary>Checks at start that the count refresh has a period and a timeout to run by.</summary>
internal sealed class TorrentCountOptionsValidator : IValidateOptions<TorrentCountOptions>
{
    public ValidateOptionsResult Validate(string? name, TorrentCountOptions options)
    {
        var failures = new List<string>();
        if (options.RefreshPeriod <= TimeSpan.Zero)
        {
            failures.Add($"{TorrentCountOptions.SectionName}:RefreshPeriod must be positive, not {options.RefreshPeriod}");
        }

        if (options.RefreshTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{TorrentCountOptions.SectionName}:RefreshTimeout must be positive, not {options.RefreshTimeout}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
