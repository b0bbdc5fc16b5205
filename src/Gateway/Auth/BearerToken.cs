namespace TorrentCluster.Gateway.Auth;

/// <summary>Where Porla's clients put the token: <c>Authorization: Bearer</c>, <c>X-Porla-Token</c>, or the login cookie.</summary>
public static class BearerToken
{
    public const string CookieName = "porla-auth-token";

    public static string? From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var header in new[] { "X-Porla-Token", "Authorization" })
        {
            var value = request.Headers[header].ToString();
            if (value.Length > 7)
            {
                // Porla takes whatever follows the first seven characters ("Bearer ").
                return value[7..];
            }
        }

        return request.Cookies.TryGetValue(CookieName, out var cookie) && cookie.Length > 0 ? cookie : null;
    }
}
