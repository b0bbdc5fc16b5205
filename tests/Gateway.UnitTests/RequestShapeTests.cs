using System.Text.Json;
using Microsoft.AspNetCore.Http;
using TorrentCluster.Gateway.JsonRpc;
using Xunit;

namespace TorrentCluster.Gateway.UnitTests;

/// <summary>JSON-RPC 2.0's rules on a single call: what is a parse error, an invalid request, an unknown method.</summary>
public sealed class RequestShapeTests : IDisposable
{
    private readonly ScriptedMethod _echo = ScriptedMethod.Echo();
    private readonly GatewayUnderTest _gateway;

    public RequestShapeTests() => _gateway = new GatewayUnderTest([_echo]);

    public void Dispose() => _gateway.Dispose();

    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test.echo\"")]
    [InlineData("not json")]
    [InlineData("{\"id\":1,\"method\":\"test.echo\",}")]
    [InlineData("")]
    public async Task Malformed_JSON_is_a_parse_error_with_a_null_id(string body)
    {
        var answer = await _gateway.PostAsync(body);

        Assert.Equal(StatusCodes.Status200OK, answer.Status);
        Assert.Equal(JsonRpcErrorCodes.ParseError, answer.ErrorCode);
        Assert.Equal(JsonValueKind.Null, answer.Body.GetProperty("id").ValueKind);
        Assert.Equal(0, _echo.Calls);
    }

    [Fact]
    public async Task JSON_nested_deeper_than_the_parser_allows_is_a_parse_error()
    {
        var deep = new string('[', 100) + new string(']', 100);

        var answer = await _gateway.PostAsync($"{{\"id\":1,\"method\":\"test.echo\",\"params\":{{\"a\":{deep}}}}}");

        Assert.Equal(JsonRpcErrorCodes.ParseError, answer.ErrorCode);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("\"test.echo\"")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"test.echo\"}")]
    [InlineData("{\"jsonrpc\":2.0,\"id\":1,\"method\":\"test.echo\"}")]
    [InlineData("{\"id\":1}")]
    [InlineData("{\"id\":1,\"method\":7}")]
    [InlineData("{\"id\":1,\"method\":\"test.echo\",\"params\":\"text\"}")]
    [InlineData("{\"id\":1,\"method\":\"test.echo\",\"params\":3}")]
    [InlineData("{\"id\":{\"a\":1},\"method\":\"test.echo\"}")]
    [InlineData("{\"id\":[1],\"method\":\"test.echo\"}")]
    [InlineData("{\"id\":true,\"method\":\"test.echo\"}")]
    public async Task A_call_that_breaks_JSON_RPC_rules_is_an_invalid_request(string body)
    {
        var answer = await _gateway.PostAsync(body);

        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, answer.ErrorCode);
        Assert.Equal(0, _echo.Calls);
    }

    [Fact]
    public async Task A_method_name_that_is_not_valid_Unicode_is_an_invalid_request()
    {
        // A lone surrogate: legal JSON escape, not a .NET string.
        var answer = await _gateway.PostAsync("{\"id\":1,\"method\":\"test.\\ud800\"}");

        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, answer.ErrorCode);
        Assert.Equal(1, answer.Body.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task An_unknown_method_is_method_not_found_and_names_it()
    {
        var answer = await _gateway.PostAsync("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"no.such\"}");

        Assert.Equal(JsonRpcErrorCodes.MethodNotFound, answer.ErrorCode);
        Assert.Contains("no.such", answer.Body.GetProperty("error").GetProperty("data").GetString(), StringComparison.Ordinal);
        Assert.Equal(5, answer.Body.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task The_jsonrpc_member_may_be_absent_as_Porla_clients_send_it()
    {
        var answer = await _gateway.PostAsync("{\"id\":1,\"method\":\"test.echo\",\"params\":{\"x\":1}}");

        Assert.Equal("2.0", answer.Body.GetProperty("jsonrpc").GetString());
        Assert.Equal(1, answer.Body.GetProperty("result").GetProperty("x").GetInt32());
    }

    [Theory]
    [InlineData("\"abc\"")]
    [InlineData("\"\"")]
    [InlineData("7")]
    [InlineData("-3")]
    [InlineData("1.5")]
    [InlineData("12345678901234567890123")]
    [InlineData("null")]
    public async Task The_id_is_echoed_as_it_came(string id)
    {
        var answer = await _gateway.PostAsync($"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"method\":\"test.echo\",\"params\":{{}}}}");

        Assert.Equal(id, answer.Body.GetProperty("id").GetRawText());
        Assert.True(answer.Body.TryGetProperty("result", out _));
    }

    [Theory]
    [InlineData("\"abc\"")]
    [InlineData("7")]
    [InlineData("null")]
    public async Task The_id_is_echoed_with_an_error_too(string id)
    {
        var answer = await _gateway.PostAsync($"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"method\":\"no.such\"}}");

        Assert.Equal(id, answer.Body.GetProperty("id").GetRawText());
        Assert.Equal(JsonRpcErrorCodes.MethodNotFound, answer.ErrorCode);
    }

    [Fact]
    public async Task A_notification_runs_and_gets_no_answer()
    {
        var answer = await _gateway.PostAsync("{\"jsonrpc\":\"2.0\",\"method\":\"test.echo\",\"params\":{}}");

        Assert.Equal(StatusCodes.Status204NoContent, answer.Status);
        Assert.Empty(answer.Text);
        Assert.Equal(1, _echo.Calls);
    }

    [Fact]
    public async Task A_notification_of_an_unknown_method_gets_no_answer_either()
    {
        var answer = await _gateway.PostAsync("{\"jsonrpc\":\"2.0\",\"method\":\"no.such\"}");

        Assert.Equal(StatusCodes.Status204NoContent, answer.Status);
        Assert.Empty(answer.Text);
    }

    [Fact]
    public async Task Params_given_as_an_array_reach_the_method_as_they_came()
    {
        var answer = await _gateway.PostAsync("{\"id\":1,\"method\":\"test.echo\",\"params\":[1,\"two\"]}");

        Assert.Equal("[1,\"two\"]", answer.Body.GetProperty("result").GetRawText());
    }

    [Fact]
    public async Task A_body_past_the_limit_is_an_invalid_request_naming_the_limit()
    {
        using var gateway = new GatewayUnderTest([_echo], settings: new Dictionary<string, string?>
        {
            ["TorrentCluster:Gateway:MaxRequestBytes"] = "2048",
            ["TorrentCluster:Gateway:MaxAnonymousRequestBytes"] = "1024",
        });

        var answer = await gateway.PostAsync($"{{\"id\":1,\"method\":\"test.echo\",\"params\":{{\"pad\":\"{new string('x', 4096)}\"}}}}");

        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, answer.ErrorCode);
        Assert.Contains("2048", answer.Body.GetProperty("error").GetProperty("data").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, _echo.Calls);
    }
}
