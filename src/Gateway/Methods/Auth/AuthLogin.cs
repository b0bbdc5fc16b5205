using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Gateway.Auth;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Auth;

/// <summary>
/// <c>auth.login</c>: a token for a user name and password, without a token. Porla's HTTP route
/// <c>/api/v1/auth/login</c> answers the same through <see cref="AuthEndpoints"/>.
/// </summary>
public sealed class AuthLogin(AuthService auth, IHttpContextAccessor http) : JsonRpcMethod<Credentials>
{
    public override string Name => "auth.login";

    public override bool AllowAnonymous => true;

    protected override JsonTypeInfo<Credentials> ParamsType => AuthJsonContext.Default.Credentials;

    protected override async ValueTask<JsonRpcResult> AnswerAsync(Credentials parameters, CancellationToken cancellationToken)
    {
        Credentials.Check(parameters);
        var token = await auth.LoginAsync(parameters, AuthClient.From(http.HttpContext!), cancellationToken)
            ?? throw new JsonRpcException(JsonRpcErrorCodes.InvalidAuth, "invalid_auth", "wrong user name or password");
        return JsonRpcResult.Of(new AuthToken(token), AuthJsonContext.Default.AuthToken);
    }
}
