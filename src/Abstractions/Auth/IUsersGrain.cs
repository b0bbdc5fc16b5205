namespace TorrentCluster.Abstractions.Auth;

/// <summary>
/// The cluster's users, kept in cluster storage so that every gateway replica logs in the same users. Holds
/// password hashes only; hashing and verifying happen in the gateway, off the grain's turn. Each user has a
/// stamp that every token carries: a new stamp revokes every token issued before it.
/// </summary>
public interface IUsersGrain : IGrainWithIntegerKey
{
    /// <summary>True once <c>auth.init</c> has created the first user.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<bool> AnyAsync();

    /// <summary>Creates the first user and discards the setup code; false (and nothing changes) when a user exists already.</summary>
    Task<bool> InitAsync(string username, string passwordHash);

    /// <summary>The user's password hash, or null for an unknown user.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<string?> GetPasswordHashAsync(string username);

    /// <summary>The user's current stamp (empty for a user stored before stamps existed), or null for an unknown user.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<string?> GetStampAsync(string username);

    /// <summary>
    /// Replaces the user's password hash and stamp, provided the hash is still <paramref name="currentHash"/> (the
    /// one the gateway verified the caller's current password against). The new stamp, or null when the user is
    /// unknown or the password changed meanwhile.
    /// </summary>
    Task<string?> SetPasswordAsync(string username, string currentHash, string newHash);

    /// <summary>Gives the user a new stamp, revoking every token issued so far; the new stamp, or null for an unknown user.</summary>
    Task<string?> RevokeTokensAsync(string username);

    /// <summary>
    /// The one-time code a non-loopback <c>auth.init</c> must present, made on first ask and kept until the first
    /// user exists; null from then on.
    /// </summary>
    Task<string?> GetSetupCodeAsync();
}
