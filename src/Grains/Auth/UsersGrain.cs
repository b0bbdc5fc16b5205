using TorrentCluster.Abstractions.Auth;
using TorrentCluster.Grains.Hosting;

namespace TorrentCluster.Grains.Auth;

internal sealed class UsersGrain(
    [PersistentState("users", StorageNames.Cluster)] IPersistentState<UsersState> state) : Grain, IUsersGrain
{
    public Task<bool> AnyAsync() => Task.FromResult(state.State.PasswordHashes.Count > 0);

    public async Task<bool> InitAsync(string username, string passwordHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        if (state.State.PasswordHashes.Count > 0)
        {
            return false;
        }

        state.State.PasswordHashes[username] = passwordHash;
        await state.WriteStateAsync();
        return true;
    }

    public Task<string?> GetPasswordHashAsync(string username) =>
        Task.FromResult(state.State.PasswordHashes.GetValueOrDefault(username));
}

/// <summary>The stored users: user name to password hash.</summary>
[GenerateSerializer]
public sealed class UsersState
{
    [Id(0)] public Dictionary<string, string> PasswordHashes { get; set; } = new(StringComparer.Ordinal);
}
