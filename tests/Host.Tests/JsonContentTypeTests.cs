using Microsoft.AspNetCore.Http;
using TorrentCluster.Gateway.Http;
using Xunit;

namespace TorrentCluster.Host.Tests;

/// <summary>Which POST bodies the JSON endpoints take: JSON, or what a browser vouches came from the same origin.</summary>
public sealed class JsonContentTypeTests
{
    [Theory]
    [InlineData("application/json", null, null, true)]
    [InlineData("application/json; charset=utf-8", null, null, true)]
    [InlineData("text/plain;charset=UTF-8", null, null, false)]
    [InlineData("application/x-www-form-urlencoded", null, null, false)]
    [InlineData("multipart/form-data; boundary=x", null, null, false)]
    [InlineData(null, null, null, false)]
    [InlineData("text/plain;charset=UTF-8", "same-origin", null, true)]
    [InlineData("text/plain;charset=UTF-8", "same-site", null, false)]
    [InlineData("text/plain;charset=UTF-8", "cross-site", "http://127.0.0.1:1337", false)]
    [InlineData("text/plain;charset=UTF-8", null, "http://127.0.0.1:1337", true)]
    [InlineData("text/plain;charset=UTF-8", null, "http://127.0.0.1:8080", false)]
    [InlineData("text/plain;charset=UTF-8", null, "https://127.0.0.1:1337", false)]
    [InlineData("text/plain;charset=UTF-8", null, "http://attacker.example", false)]
    [InlineData("text/plain;charset=UTF-8", null, "null", false)]
    public void Json_or_a_same_origin_browser_request_is_acceptable(string? contentType, string? fetchSite, string? origin, bool acceptable)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1:1337");
        context.Request.ContentType = contentType;
        if (fetchSite is not null)
        {
            context.Request.Headers["Sec-Fetch-Site"] = fetchSite;
        }

        if (origin is not null)
        {
            context.Request.Headers.Origin = origin;
        }

        Assert.Equal(acceptable, JsonContentType.IsAcceptable(context.Request));
    }
}
