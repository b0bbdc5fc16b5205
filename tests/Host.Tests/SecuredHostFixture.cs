using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Host.Tests;

/// <summary>
/// The embedded default as the README runs it, authentication on (no secret, no certificate set up): the first
/// user is created from loopback without a setup code, as the README's first commands do, and logged in.
/// </summary>
public sealed class SecuredHostFixture : IAsyncLifetime
{
    public const string Username = "admin";
    public const string Password = "a passphrase long enough";

    private readonly TempDirectory _root = new();

    public HostProcess Host { get; private set; } = null!;

    public string Token { get; private set; } = string.Empty;

    public Uri JsonRpc => new(Host.BaseUri, "api/v1/jsonrpc");

    public static Dictionary<string, string> AuthOn() => new() { ["TorrentCluster__Auth__Enabled"] = "true" };

    public async Task InitializeAsync()
    {
        Host = await HostProcess.StartEmbeddedAsync(Path.Combine(_root.Path, "host"), AuthOn());
        Token = await ClusterApi.InitAndLoginAsync(Host.BaseUri, Username, Password);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _root.Dispose();
    }
}
