namespace TorrentCluster.Gateway.Auth;

/// <summary>Where Porla's clients put the token: <c>Authorization: Bearer</c>, <c>X-Porla-Token</c>, or the login cookie.</summary>
public static class BearerToken
{
    public const string CookieName = "porla-auth-token";

    public static string? From(HttpRequest request)
    {
        var token = Of(request);
        return token.IsEmpty ? null : token.ToString();
    }

    /// <summary>
    /// The token as a view into the header or cookie that carries it, empty when there is none: a remembered token
    /// is then found without copying it out of its header on every call.
    /// </summary>
    public static ReadOnlySpan<char> Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (TokenOf(request.Headers["X-Porla-Token"]) is { Length: > 0 } porla)
        {
            return porla;
        }

        if (TokenOf(request.Headers.Authorization) is { Length: > 0 } authorization)
        {
            return authorization;
        }

        return request.Cookies.TryGetValue(CookieName, out var cookie) ? cookie.AsSpan() : [];
    }

    // Porla takes whatever follows the first seven characters ("Bearer ").
    private static ReadOnlySpan<char> TokenOf(Microsoft.Extensions.Primitives.StringValues header)
    {
        var value = header.Count == 1 ? header[0]! : header.ToString();
        return value.Length > 7 ? value.AsSpan(7) : [];
    }
}
