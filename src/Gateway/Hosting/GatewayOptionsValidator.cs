using Microsoft.Extensions.Options;

namespace TorrentCluster.Gateway.Hosting;

/// <summary>Checks the gateway settings at start.</summary>
internal sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var failures = new List<string>();
        if (!options.Path.StartsWith('/'))
        {
            failures.Add($"{GatewayOptions.SectionName}:Path must start with '/', got '{options.Path}'");
        }

        if (options.BasePath.Length > 0 && (!options.BasePath.StartsWith('/') || options.BasePath.EndsWith('/') || options.BasePath.Contains('{', StringComparison.Ordinal) || options.BasePath.Contains('}', StringComparison.Ordinal)))
        {
            failures.Add($"{GatewayOptions.SectionName}:BasePath must be empty or start with '/' and not end with it (as '/porla'), without '{{' or '}}', got '{options.BasePath}'");
        }

        if (options.MaxRequestBytes < 1024)
        {
            failures.Add($"{GatewayOptions.SectionName}:MaxRequestBytes must be at least 1024");
        }

        if (options.MaxAnonymousRequestBytes < 1024 || options.MaxAnonymousRequestBytes > options.MaxRequestBytes)
        {
            failures.Add($"{GatewayOptions.SectionName}:MaxAnonymousRequestBytes must be between 1024 and MaxRequestBytes ({options.MaxRequestBytes}), got {options.MaxAnonymousRequestBytes}");
        }

        if (options.MaxBatchSize < 1)
        {
            failures.Add($"{GatewayOptions.SectionName}:MaxBatchSize must be at least 1");
        }

        if (options.CallDeadline < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{GatewayOptions.SectionName}:CallDeadline must be at least 1 second, got {options.CallDeadline}");
        }

        if (options.SiloAnswerTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{GatewayOptions.SectionName}:SiloAnswerTimeout must be more than zero, got {options.SiloAnswerTimeout}");
        }

        if (options.CatalogCountTtl < TimeSpan.Zero)
        {
            failures.Add($"{GatewayOptions.SectionName}:CatalogCountTtl must not be negative, got {options.CatalogCountTtl}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
