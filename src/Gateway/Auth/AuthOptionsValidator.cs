using Microsoft.Extensions.Options;

namespace TorrentCluster.Gateway.Auth;

/// <summary>Refuses to start with auth on and no usable secret or with limits that cannot work, naming the setting to fix.</summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public const int MinimumSecretLength = 32;

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.Secret is not { Length: >= MinimumSecretLength })
        {
            failures.Add(
                $"{AuthOptions.SectionName}:Secret must be set to at least {MinimumSecretLength} characters (the JWT signing secret shared by every gateway), " +
                $"or set {AuthOptions.SectionName}:Enabled to false to run without authentication");
        }

        if (options.TokenLifetime <= TimeSpan.Zero)
        {
            failures.Add($"{AuthOptions.SectionName}:TokenLifetime must be positive");
        }

        if (options.HashWaitTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{AuthOptions.SectionName}:HashWaitTimeout must be positive");
        }

        if (options.AttemptWindow < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{AuthOptions.SectionName}:AttemptWindow must be at least one second, got {options.AttemptWindow}");
        }

        // Longer would leave a revoked token usable on other replicas for that long.
        if (options.StampCacheDuration <= TimeSpan.Zero || options.StampCacheDuration > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{AuthOptions.SectionName}:StampCacheDuration must be between zero and one minute, got {options.StampCacheDuration}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
