using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Gateway.Auth;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Auth;

/// <summary>
/// <c>auth.init</c>: creates the first user, without a token. Porla's HTTP route <c>/api/v1/auth/init</c>
/// answers the same through <see cref="AuthEndpoints"/>.
/// </summary>
public sealed class AuthInit(AuthService auth, IHttpContextAccessor http) : JsonRpcMethod<Credentials>
{
    public override string Name => "auth.init";

    public override bool AllowAnonymous => true;

    protected override JsonTypeInfo<Credentials> ParamsType => AuthJsonContext.Default.Credentials;

    protected override async ValueTask<JsonRpcResult> AnswerAsync(Credentials parameters, CancellationToken cancellationToken)
    {
        Credentials.Check(parameters);
        if (!await auth.InitAsync(parameters, AuthClient.From(http.HttpContext!), cancellationToken))
        {
            throw new JsonRpcException(JsonRpcErrorCodes.AlreadyInitialized, "Already initialized", "the first user exists; log in with auth.login");
        }

        return JsonRpcResult.Of(new AuthOk(true), AuthJsonContext.Default.AuthOk);
    }
}
