using System.Text.Json;
using Microsoft.Extensions.Options;
using TorrentCluster.Gateway.Hosting;
using TorrentCluster.Gateway.Http;
using TorrentCluster.Gateway.JsonRpc;
using TorrentCluster.Gateway.Methods.Auth;

namespace TorrentCluster.Gateway.Auth;

/// <summary>
/// Porla's HTTP auth routes, with Porla's answers: plain-text 400s, <c>{"ok": true}</c>, <c>{"token"}</c>. Their
/// callers have no token, so bodies are read only up to <see cref="GatewayOptions.MaxAnonymousRequestBytes"/>.
/// </summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapTorrentClusterAuth(this IEndpointRouteBuilder endpoints, string basePath)
    {
        endpoints.MapPost($"{basePath}/auth/init", (HttpContext context, AuthService auth, IOptions<GatewayOptions> options) =>
            AnswerAsync(context, options.Value, "Missing 'username' or 'password'", async credentials =>
                await auth.InitAsync(credentials, AuthClient.From(context), context.RequestAborted)
                    ? Results.Json(new AuthOk(true), AuthJsonContext.Default.AuthOk)
                    : Results.Text("Already initialized", statusCode: StatusCodes.Status400BadRequest)))
            .RequireJsonContentType();

        endpoints.MapPost($"{basePath}/auth/login", (HttpContext context, AuthService auth, IOptions<GatewayOptions> options) =>
            AnswerAsync(context, options.Value, "Invalid request", async credentials =>
            {
                if (await auth.LoginAsync(credentials, AuthClient.From(context), context.RequestAborted) is not { } token)
                {
                    return Results.Json(new AuthLoginError("invalid_auth"), AuthJsonContext.Default.AuthLoginError);
                }

                var cookie = CookieOptionsOf(context);
                cookie.MaxAge = TimeSpan.FromDays(1);
                context.Response.Cookies.Append(BearerToken.CookieName, token, cookie);
                return Results.Json(new AuthToken(token), AuthJsonContext.Default.AuthToken);
            }))
            .RequireJsonContentType();

        // The console's logout: its cookie is HttpOnly, so only the server can take it away. The token is revoked
        // as auth.logout does (every token of the user), so a copy of the cookie kept elsewhere is worthless too.
        endpoints.MapPost($"{basePath}/auth/logout", async (HttpContext context, AuthService auth) =>
            {
                ExpireCookie(context);
                if (!auth.Enabled)
                {
                    return Results.Json(new AuthOk(true), AuthJsonContext.Default.AuthOk);
                }

                if (!await auth.AuthenticateAsync(context))
                {
                    return Results.Text("Unauthorized", statusCode: StatusCodes.Status401Unauthorized);
                }

                await auth.LogoutAsync(context);
                return Results.Json(new AuthOk(true), AuthJsonContext.Default.AuthOk);
            })
            .RequireJsonContentType();
        return endpoints;
    }

    private static CookieOptions CookieOptionsOf(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        Secure = context.Request.IsHttps,
    };

    private static void ExpireCookie(HttpContext context) =>
        context.Response.Cookies.Delete(BearerToken.CookieName, CookieOptionsOf(context));

    // Reads the credentials within the anonymous limit, then answers AuthService's refusals in Porla's manner:
    // a status and a line of text, with Retry-After where it helps.
    private static async Task<IResult> AnswerAsync(HttpContext context, GatewayOptions options, string invalid, Func<Credentials, Task<IResult>> call)
    {
        var limit = options.MaxAnonymousRequestBytes;
        if (await RequestBody.ReadAsync(context.Request, limit, context.RequestAborted) is not { } body)
        {
            return Results.Text($"Payload Too Large: at most {limit} bytes", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (Parse(body) is not { } credentials)
        {
            return Results.BadRequest(invalid);
        }

        try
        {
            return await call(credentials);
        }
        catch (JsonRpcException refusal)
        {
            if (refusal.RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = RetryAfterHeader.Seconds(retryAfter);
            }

            var status = refusal.Code switch
            {
                JsonRpcErrorCodes.SetupCodeRequired => StatusCodes.Status403Forbidden,
                JsonRpcErrorCodes.TooManyAttempts or JsonRpcErrorCodes.Busy => JsonRpcErrorCodes.HttpStatusOf(refusal.Code),
                _ => StatusCodes.Status400BadRequest,
            };
            return Results.Text($"{refusal.Message}: {refusal.Detail}", statusCode: status);
        }
    }

    private static Credentials? Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            var credentials = JsonSerializer.Deserialize(body.Span, AuthJsonContext.Default.Credentials);
            return credentials is { Username.Length: > 0, Password.Length: > 0 } ? credentials : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
