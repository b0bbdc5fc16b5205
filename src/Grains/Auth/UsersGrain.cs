using System.Security.Cryptography;
using TorrentCluster.Abstractions.Auth;
using TorrentCluster.Grains.Hosting;

namespace TorrentCluster.Grains.Auth;

internal sealed class UsersGrain(
    [PersistentState("users", StorageNames.Cluster)] IPersistentState<UsersState> state) : Grain, IUsersGrain
{
    private UsersState Users => state.State;

    public Task<bool> AnyAsync() => Task.FromResult(Users.PasswordHashes.Count > 0);

    public async Task<bool> InitAsync(string username, string passwordHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        if (Users.PasswordHashes.Count > 0)
        {
            return false;
        }

        Users.PasswordHashes[username] = passwordHash;
        Users.Stamps[username] = NewSecret();
        Users.SetupCode = null;
        await state.WriteStateAsync();
        return true;
    }

    public Task<string?> GetPasswordHashAsync(string username) =>
        Task.FromResult(Users.PasswordHashes.GetValueOrDefault(username));

    public Task<string?> GetStampAsync(string username) =>
        Task.FromResult(Users.PasswordHashes.ContainsKey(username) ? Users.Stamps.GetValueOrDefault(username, string.Empty) : null);

    public async Task<string?> SetPasswordAsync(string username, string currentHash, string newHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(newHash);
        if (!Users.PasswordHashes.TryGetValue(username, out var stored) || stored != currentHash)
        {
            return null;
        }

        Users.PasswordHashes[username] = newHash;
        return await NewStampAsync(username);
    }

    public async Task<string?> RevokeTokensAsync(string username) =>
        Users.PasswordHashes.ContainsKey(username) ? await NewStampAsync(username) : null;

    public async Task<string?> GetSetupCodeAsync()
    {
        if (Users.PasswordHashes.Count > 0)
        {
            return null;
        }

        if (Users.SetupCode is null)
        {
            Users.SetupCode = NewSecret();
            await state.WriteStateAsync();
        }

        return Users.SetupCode;
    }

    private async Task<string> NewStampAsync(string username)
    {
        var stamp = NewSecret();
        Users.Stamps[username] = stamp;
        await state.WriteStateAsync();
        return stamp;
    }

    // 128 random bits as 32 hex characters: unguessable, and easy to paste.
    private static string NewSecret() => RandomNumberGenerator.GetHexString(32, lowercase: true);
}
