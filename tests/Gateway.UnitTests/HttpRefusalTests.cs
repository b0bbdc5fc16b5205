using Microsoft.AspNetCore.Http;
using TorrentCluster.Gateway.JsonRpc;
using Xunit;

namespace TorrentCluster.Gateway.UnitTests;

/// <summary>
/// The few answers that are not HTTP 200: refusals clients and proxies must see without reading the body
/// (401 without a token, 413 for a token-less body past its limit, 429 and 503 with <c>Retry-After</c>).
/// </summary>
public sealed class HttpRefusalTests
{
    private static readonly Dictionary<string, string?> AuthOn = new()
    {
        ["TorrentCluster:Auth:Enabled"] = "true",
        ["TorrentCluster:Auth:Secret"] = new string('s', 32),
        ["TorrentCluster:Gateway:MaxAnonymousRequestBytes"] = "1024",
    };

    [Fact]
    public async Task Without_a_token_a_call_is_refused_with_401_before_it_runs()
    {
        var echo = ScriptedMethod.Echo();
        using var gateway = new GatewayUnderTest([echo], settings: AuthOn);

        var answer = await gateway.PostAsync("{\"id\":1,\"method\":\"test.echo\"}");

        Assert.Equal(StatusCodes.Status401Unauthorized, answer.Status);
        Assert.Equal(0, echo.Calls);
    }

    [Fact]
    public async Task Without_a_token_a_body_past_the_anonymous_limit_is_413_and_not_parsed()
    {
        var echo = ScriptedMethod.Echo();
        using var gateway = new GatewayUnderTest([echo], settings: AuthOn);

        // Not JSON: a parse error would mean it was read past the limit.
        var answer = await gateway.PostAsync(new string('{', 2048));

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, answer.Status);
        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, answer.ErrorCode);
        Assert.Contains("without a valid token", answer.Body.GetProperty("error").GetProperty("data").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(JsonRpcErrorCodes.Busy, StatusCodes.Status503ServiceUnavailable)]
    [InlineData(JsonRpcErrorCodes.TooManyAttempts, StatusCodes.Status429TooManyRequests)]
    public async Task A_refusal_that_says_later_sets_its_status_and_Retry_After(int code, int status)
    {
        var refusing = ScriptedMethod.Throwing("test.later", () => new JsonRpcException(code, "Later") { RetryAfter = TimeSpan.FromSeconds(7) });
        using var gateway = new GatewayUnderTest([refusing]);

        var answer = await gateway.PostAsync("{\"id\":1,\"method\":\"test.later\"}");

        Assert.Equal(status, answer.Status);
        Assert.Equal("7", answer.RetryAfter);
        Assert.Equal(code, answer.ErrorCode);
    }

    [Fact]
    public async Task Other_errors_are_answered_with_200_as_JSON_RPC_wants()
    {
        var failing = ScriptedMethod.Throwing("test.fail", () => new JsonRpcException(JsonRpcErrorCodes.InvalidArgument, "No"));
        using var gateway = new GatewayUnderTest([failing]);

        var answer = await gateway.PostAsync("{\"id\":1,\"method\":\"test.fail\"}");

        Assert.Equal(StatusCodes.Status200OK, answer.Status);
        Assert.Empty(answer.RetryAfter);
    }
}
