namespace TorrentCluster.Abstractions.Auth;

/// <summary>
/// The cluster's users, kept in cluster storage so that every gateway replica logs in the same users. Holds
/// password hashes only; hashing and verifying happen in the gateway, off the grain's turn.
/// </summary>
public interface IUsersGrain : IGrainWithIntegerKey
{
    /// <summary>True once <c>auth.init</c> has created the first user.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<bool> AnyAsync();

    /// <summary>Creates the first user; false (and nothing changes) when a user exists already.</summary>
    Task<bool> InitAsync(string username, string passwordHash);

    /// <summary>The user's password hash, or null for an unknown user.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<string?> GetPasswordHashAsync(string username);
}
