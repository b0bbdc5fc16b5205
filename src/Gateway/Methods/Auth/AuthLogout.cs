using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Gateway.Auth;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Auth;

/// <summary>
/// <c>auth.logout</c> (ours): revokes every token of the caller, on every device, the one of this call included.
/// Other gateway replicas refuse them within <see cref="AuthOptions.StampCacheDuration"/>.
/// </summary>
public sealed class AuthLogout(AuthService auth, IHttpContextAccessor http) : JsonRpcMethod<EmptyParams>
{
    public override string Name => "auth.logout";

    protected override JsonTypeInfo<EmptyParams> ParamsType => AuthJsonContext.Default.EmptyParams;

    protected override async ValueTask<JsonRpcResult> AnswerAsync(EmptyParams parameters, CancellationToken cancellationToken)
    {
        await auth.LogoutAsync(http.HttpContext!);
        return JsonRpcResult.Of(new AuthOk(true), AuthJsonContext.Default.AuthOk);
    }
}
