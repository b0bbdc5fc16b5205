using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using TorrentCluster.Abstractions.Auth;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Auth;

/// <summary>
/// Porla's <c>auth.init</c> and <c>auth.login</c>, and our <c>auth.password.set</c> and <c>auth.logout</c>, for
/// the JSON-RPC methods and Porla's HTTP routes alike. Users live in a grain, so every gateway replica knows them;
/// hashing (memory-hard, tens of milliseconds) runs here on the gateway, never inside a grain's turn. Refusals
/// are <see cref="JsonRpcException"/>s, which the HTTP routes translate into their own answers.
/// </summary>
public sealed class AuthService(
    IGrainFactory grains,
    PasswordHasher hasher,
    TokenService tokens,
    UserStampCache stamps,
    AuthAttemptLimiter attempts,
    SetupCodeFile setupCodeFile,
    UserExistence userExistence,
    IOptions<AuthOptions> options)
{
    // Verified for unknown users too, so that timing does not tell which user names exist (Porla does the same).
    // Made on first need, and made again if that failed (all hashing slots busy): a failure must not stick.
    private Task<string>? _decoy;

    public bool Enabled => options.Value.Enabled;

    private IUsersGrain Users => grains.GetGrain<IUsersGrain>(0);

    /// <summary>Creates the first user; false when a user exists already.</summary>
    public async Task<bool> InitAsync(Credentials credentials, AuthClient client, CancellationToken cancellationToken)
    {
        CheckNewPassword(credentials.Password, "password");
        attempts.Count(client, username: null);
        if (client.IsLoopback && !options.Value.SetupCodeForLoopbackClients)
        {
            if (await Users.AnyAsync())
            {
                return false;
            }
        }
        else
        {
            // Null once a user exists: then the answer is "already initialized", whatever code was sent.
            var expected = await Users.GetSetupCodeAsync();
            if (expected is null)
            {
                return false;
            }

            if (credentials.SetupCode is not { } given || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
            {
                throw new JsonRpcException(JsonRpcErrorCodes.SetupCodeRequired, "Setup code required",
                    "auth.init from another machine needs 'setup_code': the one-time code the service wrote to its log at start (the embedded default also to setup-code in its state folder)");
            }
        }

        var hash = await hasher.HashAsync(credentials.Password, cancellationToken);
        if (!await Users.InitAsync(credentials.Username, hash))
        {
            return false;
        }

        userExistence.Created();
        setupCodeFile.Delete();
        return true;
    }

    /// <summary>A signed token for the right password, null otherwise.</summary>
    public async Task<string?> LoginAsync(Credentials credentials, AuthClient client, CancellationToken cancellationToken)
    {
        attempts.Count(client, credentials.Username);
        var hash = await Users.GetPasswordHashAsync(credentials.Username);
        var valid = await hasher.VerifyAsync(credentials.Password, hash ?? await DecoyAsync(), cancellationToken);
        if (!valid || hash is null || await Users.GetStampAsync(credentials.Username) is not { } stamp)
        {
            return null;
        }

        stamps.Set(credentials.Username, stamp);
        return tokens.Issue(credentials.Username, stamp);
    }

    /// <summary>Changes the caller's password and revokes all its tokens; a token for the new password.</summary>
    public async Task<string> SetPasswordAsync(HttpContext context, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        var username = CallerOf(context);
        CheckNewPassword(newPassword, "new_password");
        attempts.Count(AuthClient.From(context), username);
        var currentHash = await Users.GetPasswordHashAsync(username);
        if (currentHash is null || !await hasher.VerifyAsync(currentPassword, currentHash, cancellationToken))
        {
            throw new JsonRpcException(JsonRpcErrorCodes.InvalidAuth, "invalid_auth", "the current password is wrong");
        }

        var newHash = await hasher.HashAsync(newPassword, cancellationToken);
        var stamp = await Users.SetPasswordAsync(username, currentHash, newHash)
            ?? throw new JsonRpcException(JsonRpcErrorCodes.InvalidAuth, "invalid_auth", "the password was changed meanwhile; log in again");
        stamps.Set(username, stamp);
        return tokens.Issue(username, stamp);
    }

    /// <summary>Revokes every token of the caller, the one of this call included.</summary>
    public async Task LogoutAsync(HttpContext context)
    {
        var username = CallerOf(context);
        var stamp = await Users.RevokeTokensAsync(username)
            ?? throw new JsonRpcException(JsonRpcErrorCodes.InvalidAuth, "invalid_auth", $"there is no user '{username}'");
        stamps.Set(username, stamp);
    }

    /// <summary>
    /// True when auth is off or the request carries a valid, unrevoked token; then <see cref="HttpContext.User"/>
    /// names the caller. Needs no cluster call while the caller's stamp is cached.
    /// </summary>
    public async Task<bool> AuthenticateAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Enabled)
        {
            return true;
        }

        var signed = FindVerified(context.Request) ?? (BearerToken.From(context.Request) is { } token ? await tokens.ReadAsync(token) : null);
        if (signed is null || !await stamps.IsCurrentAsync(signed))
        {
            return false;
        }

        context.User = signed.Principal;
        return true;
    }

    // A token checked before is looked up where it lies in its header; only a new one is copied out and verified.
    private SignedToken? FindVerified(HttpRequest request) => tokens.FindVerified(BearerToken.Of(request));

    private Task<string> DecoyAsync()
    {
        var decoy = _decoy;
        if (decoy is null || decoy.IsFaulted || decoy.IsCanceled)
        {
            _decoy = decoy = hasher.HashAsync(Guid.NewGuid().ToString(), CancellationToken.None);
        }

        return decoy;
    }

    private string CallerOf(HttpContext context)
    {
        if (!Enabled)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.AuthDisabled, "Authentication is off",
                $"{AuthOptions.SectionName}:Enabled is false: there are no tokens to revoke and no caller whose password to change");
        }

        return context.User.FindFirst(JwtRegisteredClaimNames.Sub)?.Value
            ?? throw new InvalidOperationException("an authenticated call carries no user");
    }

    private void CheckNewPassword(string password, string field)
    {
        var minimum = options.Value.MinimumPasswordLength;
        if (password.EnumerateRunes().Count() < minimum)
        {
            throw JsonRpcException.InvalidParams($"'{field}' must be at least {minimum} characters long");
        }
    }
}
