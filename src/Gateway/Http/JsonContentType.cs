namespace TorrentCluster.Gateway.Http;

/// <summary>
/// The JSON-RPC and auth endpoints take JSON only (HTTP 415 otherwise). A web page may POST <c>text/plain</c>,
/// form data or multipart to any site without the browser asking first, so accepting those would let any page
/// the operator visits call the API (CSRF). <c>application/json</c> from another origin needs a CORS preflight,
/// which this service never approves. Porla's own web UI posts its JSON as <c>text/plain</c> (a string body
/// without headers); browsers mark such a same-origin request with <c>Sec-Fetch-Site: same-origin</c> or a
/// matching <c>Origin</c>, headers no page can forge, so it is accepted too.
/// </summary>
public static class JsonContentType
{
    public static bool IsAcceptable(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HasJsonContentType() || IsSameOriginBrowserRequest(request);
    }

    /// <summary>Answers 415 on <paramref name="endpoint"/> unless <see cref="IsAcceptable"/>.</summary>
    public static TBuilder RequireJsonContentType<TBuilder>(this TBuilder endpoint)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.AddEndpointFilter(async (context, next) => IsAcceptable(context.HttpContext.Request)
            ? await next(context)
            : Unsupported);

    /// <summary>
    /// The same rule in front of a plain request delegate: the JSON-RPC endpoint, whose hot path then has no
    /// parameter binding, request-scoped services or filter pipeline around it.
    /// </summary>
    public static RequestDelegate Require(RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return context => IsAcceptable(context.Request) ? next(context) : Unsupported.ExecuteAsync(context);
    }

    private static readonly IResult Unsupported =
        Results.Text("Unsupported Media Type: send 'Content-Type: application/json'", statusCode: StatusCodes.Status415UnsupportedMediaType);

    private static bool IsSameOriginBrowserRequest(HttpRequest request)
    {
        if (request.Headers["Sec-Fetch-Site"] is [var site])
        {
            return string.Equals(site, "same-origin", StringComparison.OrdinalIgnoreCase);
        }

        return request.Headers.Origin is [var origin]
            && Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
