using System.Text.Json;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Auth;

/// <summary>Porla's HTTP auth routes, with Porla's answers: plain-text 400s, <c>{"ok": true}</c>, <c>{"token"}</c>.</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapTorrentClusterAuth(this IEndpointRouteBuilder endpoints, string basePath)
    {
        endpoints.MapPost($"{basePath}/auth/init", async (HttpContext context, AuthService auth) =>
        {
            if (await ReadAsync(context) is not { } credentials)
            {
                return Results.BadRequest("Missing 'username' or 'password'");
            }

            return await auth.InitAsync(credentials.Username, credentials.Password)
                ? Results.Json(new AuthInitResult(true), GatewayJsonContext.Default.AuthInitResult)
                : Results.Text("Already initialized", statusCode: StatusCodes.Status400BadRequest);
        });

        endpoints.MapPost($"{basePath}/auth/login", async (HttpContext context, AuthService auth) =>
        {
            if (await ReadAsync(context) is not { } credentials)
            {
                return Results.BadRequest("Invalid request");
            }

            if (await auth.LoginAsync(credentials.Username, credentials.Password) is not { } token)
            {
                return Results.Json(new AuthLoginError("invalid_auth"), GatewayJsonContext.Default.AuthLoginError);
            }

            context.Response.Cookies.Append(BearerToken.CookieName, token, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Path = "/",
                MaxAge = TimeSpan.FromDays(1),
                Secure = context.Request.IsHttps,
            });
            return Results.Json(new AuthLoginResult(token), GatewayJsonContext.Default.AuthLoginResult);
        });
        return endpoints;
    }

    private static async Task<Credentials?> ReadAsync(HttpContext context)
    {
        try
        {
            var credentials = await JsonSerializer.DeserializeAsync(context.Request.Body, GatewayJsonContext.Default.Credentials, context.RequestAborted);
            return credentials is { Username.Length: > 0, Password.Length: > 0 } ? credentials : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public sealed record AuthLoginError(string Error);
