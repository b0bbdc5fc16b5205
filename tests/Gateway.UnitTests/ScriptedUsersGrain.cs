using TorrentCluster.Abstractions.Auth;

namespace TorrentCluster.Gateway.UnitTests;

/// <summary>A users grain whose <c>AnyAsync</c> answers when the test says, counting how often it was asked.</summary>
internal sealed class ScriptedUsersGrain : IUsersGrain
{
    private TaskCompletionSource<bool> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int AnyCalls { get; private set; }

    public void Answer(bool exists) => _answer.SetResult(exists);

    public void Fail() => _answer.SetException(new TimeoutException("the users grain did not answer"));

    /// <summary>The next call waits for a new answer.</summary>
    public void Reset() => _answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<bool> AnyAsync()
    {
        AnyCalls++;
        return _answer.Task;
    }

    public Task<bool> InitAsync(string username, string passwordHash) => throw Unused();

    public Task<string?> GetPasswordHashAsync(string username) => throw Unused();

    public Task<string?> GetStampAsync(string username) => throw Unused();

    public Task<string?> SetPasswordAsync(string username, string currentHash, string newHash) => throw Unused();

    public Task<string?> RevokeTokensAsync(string username) => throw Unused();

    public Task<string?> GetSetupCodeAsync() => throw Unused();

    private static NotSupportedException Unused() => new("only AnyAsync is asked for whether a user exists");
}
