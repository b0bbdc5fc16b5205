using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Gateway.Auth;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Auth;

/// <summary>
/// <c>auth.password.set</c> (ours): the caller changes its own password, proving the current one. Every earlier
/// token of the caller is revoked; the answer carries a new token so this client stays logged in.
/// </summary>
public sealed class AuthPasswordSet(AuthService auth, IHttpContextAccessor http) : JsonRpcMethod<AuthPasswordSetParams>
{
    public override string Name => "auth.password.set";

    protected override JsonTypeInfo<AuthPasswordSetParams> ParamsType => AuthJsonContext.Default.AuthPasswordSetParams;

    protected override async ValueTask<JsonRpcResult> AnswerAsync(AuthPasswordSetParams parameters, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(parameters.CurrentPassword))
        {
            throw JsonRpcException.InvalidParams("'current_password' must not be empty");
        }

        var token = await auth.SetPasswordAsync(http.HttpContext!, parameters.CurrentPassword, parameters.NewPassword, cancellationToken);
        return JsonRpcResult.Of(new AuthToken(token), AuthJsonContext.Default.AuthToken);
    }
}

public sealed record AuthPasswordSetParams
{
    public required string CurrentPassword { get; init; }

    public required string NewPassword { get; init; }
}
