using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Auth;

/// <summary>The params of <c>auth.init</c> and <c>auth.login</c> and the body of Porla's HTTP routes.</summary>
public sealed record Credentials
{
    public required string Username { get; init; }

    public required string Password { get; init; }

    /// <summary>The one-time setup code; only <c>auth.init</c> from a client that is not on loopback needs it.</summary>
    public string? SetupCode { get; init; }

    public static void Check(Credentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (string.IsNullOrEmpty(credentials.Username) || string.IsNullOrEmpty(credentials.Password))
        {
            throw JsonRpcException.InvalidParams("'username' and 'password' must not be empty");
        }
    }
}
