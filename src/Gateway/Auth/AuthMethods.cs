using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Auth;

/// <summary>
/// <c>auth.init</c> and <c>auth.login</c> as JSON-RPC methods, the only ones callable without a token. Porla's
/// HTTP routes (<c>/api/v1/auth/init</c>, <c>/api/v1/auth/login</c>) answer the same through <see cref="AuthEndpoints"/>.
/// </summary>
public sealed class AuthInit(AuthService auth) : JsonRpcMethod<Credentials>
{
    public override string Name => "auth.init";

    public override bool AllowAnonymous => true;

    protected override JsonTypeInfo<Credentials> ParamsType => GatewayJsonContext.Default.Credentials;

    protected override async ValueTask<JsonRpcResult> InvokeAsync(Credentials parameters, CancellationToken cancellationToken)
    {
        Credentials.Check(parameters);
        if (!await auth.InitAsync(parameters.Username, parameters.Password))
        {
            throw new JsonRpcException(JsonRpcErrorCodes.AlreadyInitialized, "Already initialized", "the first user exists; log in with auth.login");
        }

        return JsonRpcResult.Of(new AuthInitResult(true), GatewayJsonContext.Default.AuthInitResult);
    }
}

/// <inheritdoc cref="AuthInit"/>
public sealed class AuthLogin(AuthService auth) : JsonRpcMethod<Credentials>
{
    public override string Name => "auth.login";

    public override bool AllowAnonymous => true;

    protected override JsonTypeInfo<Credentials> ParamsType => GatewayJsonContext.Default.Credentials;

    protected override async ValueTask<JsonRpcResult> InvokeAsync(Credentials parameters, CancellationToken cancellationToken)
    {
        Credentials.Check(parameters);
        var token = await auth.LoginAsync(parameters.Username, parameters.Password)
            ?? throw new JsonRpcException(JsonRpcErrorCodes.InvalidAuth, "invalid_auth", "wrong user name or password");
        return JsonRpcResult.Of(new AuthLoginResult(token), GatewayJsonContext.Default.AuthLoginResult);
    }
}

public sealed record Credentials
{
    public required string Username { get; init; }
    public required string Password { get; init; }

    public static void Check(Credentials credentials)
    {
        if (string.IsNullOrEmpty(credentials.Username) || string.IsNullOrEmpty(credentials.Password))
        {
            throw JsonRpcException.InvalidParams("'username' and 'password' must not be empty");
        }
    }
}

public sealed record AuthInitResult(bool Ok);

public sealed record AuthLoginResult(string Token);
