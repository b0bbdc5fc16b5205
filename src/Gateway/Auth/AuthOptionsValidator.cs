using Microsoft.Extensions.Options;

namespace TorrentCluster.Gateway.Auth;

/// <summary>Refuses to start with auth on and no usable secret, naming the setting to fix.</summary>
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

        if (options.Secret is not { Length: >= MinimumSecretLength })
        {
            return ValidateOptionsResult.Fail(
                $"{AuthOptions.SectionName}:Secret must be set to at least {MinimumSecretLength} characters (the JWT signing secret shared by every gateway), " +
                $"or set {AuthOptions.SectionName}:Enabled to false to run without authentication");
        }

        return options.TokenLifetime > TimeSpan.Zero
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{AuthOptions.SectionName}:TokenLifetime must be positive");
    }
}
