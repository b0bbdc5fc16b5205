using Microsoft.Extensions.Options;
using TorrentCluster.Abstractions.Auth;

namespace TorrentCluster.Gateway.Auth;

/// <summary>
/// Porla's <c>auth.init</c> and <c>auth.login</c>. Users live in a grain, so every gateway replica knows them;
/// hashing (memory-hard, tens of milliseconds) runs here on the gateway, never inside a grain's turn.
/// </summary>
public sealed class AuthService(IGrainFactory grains, PasswordHasher hasher, TokenService tokens, IOptions<AuthOptions> options)
{
    // Verified for unknown users too, so that timing does not tell which user names exist (Porla does the same).
    private readonly Lazy<string> _decoy = new(() => hasher.Hash(Guid.NewGuid().ToString()));

    public bool Enabled => options.Value.Enabled;

    /// <summary>Creates the first user; false when a user exists already.</summary>
    public async Task<bool> InitAsync(string username, string password)
    {
        var users = grains.GetGrain<IUsersGrain>(0);
        if (await users.AnyAsync())
        {
            return false;
        }

        var hash = await Task.Run(() => hasher.Hash(password));
        return await users.InitAsync(username, hash);
    }

    /// <summary>A signed token for the right password, null otherwise.</summary>
    public async Task<string?> LoginAsync(string username, string password)
    {
        var hash = await grains.GetGrain<IUsersGrain>(0).GetPasswordHashAsync(username);
        var valid = await Task.Run(() => PasswordHasher.Verify(password, hash ?? _decoy.Value));
        return valid && hash is not null ? tokens.Issue(username) : null;
    }

    /// <summary>True when auth is off or the request carries a valid token.</summary>
    public async Task<bool> IsAuthorizedAsync(HttpRequest request) =>
        !Enabled || BearerToken.From(request) is { } token && await tokens.IsValidAsync(token);
}
