using System.Text.Json;
using Microsoft.AspNetCore.Http;
using TorrentCluster.Abstractions.Errors;
using TorrentCluster.Gateway.JsonRpc;
using Xunit;

namespace TorrentCluster.Gateway.UnitTests;

/// <summary>Batches: answers in the batch's order, one per call that has an id, each with its own result or error.</summary>
public sealed class BatchTests : IDisposable
{
    private const int MaxBatchSize = 4;

    private readonly TaskCompletionSource _secondStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ScriptedMethod _echo = ScriptedMethod.Echo();
    private readonly GatewayUnderTest _gateway;

    public BatchTests()
    {
        // "first" answers only once "second" has started: the calls of a batch run side by side, and the answers
        // still come in the batch's order, not the order they finished in.
        var first = new ScriptedMethod("test.first", async (_, cancellationToken) =>
        {
            await _secondStarted.Task.WaitAsync(cancellationToken);
            return JsonRpcResult.Of("first", UnitTestJsonContext.Default.String);
        });
        var second = new ScriptedMethod("test.second", (_, _) =>
        {
            _secondStarted.TrySetResult();
            return ValueTask.FromResult(JsonRpcResult.Of("second", UnitTestJsonContext.Default.String));
        });
        var missing = ScriptedMethod.Throwing("test.missing", () => TorrentClusterException.NotFound(new string('b', 40)));
        _gateway = new GatewayUnderTest([_echo, first, second, missing], settings: new Dictionary<string, string?>
        {
            ["TorrentCluster:Gateway:MaxBatchSize"] = MaxBatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task Answers_keep_the_batch_order_while_calls_run_side_by_side()
    {
        var answer = await _gateway.PostAsync("""
            [{"jsonrpc":"2.0","id":"a","method":"test.first"},
             {"jsonrpc":"2.0","id":"b","method":"test.second"}]
            """);

        Assert.Equal(StatusCodes.Status200OK, answer.Status);
        var answers = answer.Body.EnumerateArray().ToList();
        Assert.Equal(["a", "b"], answers.Select(item => item.GetProperty("id").GetString()));
        Assert.Equal(["first", "second"], answers.Select(item => item.GetProperty("result").GetString()));
    }

    [Fact]
    public async Task Each_call_of_a_batch_gets_its_own_result_or_error()
    {
        var answer = await _gateway.PostAsync("""
            [{"jsonrpc":"2.0","id":1,"method":"test.echo","params":{"n":1}},
             {"jsonrpc":"2.0","id":2,"method":"no.such"},
             {"jsonrpc":"2.0","id":4,"method":"test.missing"},
             {"jsonrpc":"2.0","method":"test.echo","params":{"n":5}}]
            """);

        var answers = answer.Body.EnumerateArray().ToList();
        Assert.Equal(3, answers.Count);
        Assert.Equal(1, answers[0].GetProperty("result").GetProperty("n").GetInt32());
        Assert.Equal(JsonRpcErrorCodes.MethodNotFound, ErrorCode(answers[1]));
        Assert.Equal(JsonRpcErrorCodes.TorrentNotFound, ErrorCode(answers[2]));
        Assert.Equal([1, 2, 4], answers.Select(item => item.GetProperty("id").GetInt32()));
        // The notification ran, and has no answer.
        Assert.Equal(2, _echo.Calls);
    }

    [Fact]
    public async Task A_member_that_is_not_a_call_is_an_invalid_request_in_its_place()
    {
        var answer = await _gateway.PostAsync("""[{"id":1,"method":"test.echo"}, 42, "x"]""");

        var answers = answer.Body.EnumerateArray().ToList();
        Assert.Equal(3, answers.Count);
        Assert.True(answers[0].TryGetProperty("result", out _));
        Assert.All(answers.Skip(1), item =>
        {
            Assert.Equal(JsonRpcErrorCodes.InvalidRequest, ErrorCode(item));
            Assert.Equal(JsonValueKind.Null, item.GetProperty("id").ValueKind);
        });
    }

    [Fact]
    public async Task A_batch_of_notifications_only_gets_no_answer()
    {
        var answer = await _gateway.PostAsync("""[{"method":"test.echo"},{"method":"test.echo"}]""");

        Assert.Equal(StatusCodes.Status204NoContent, answer.Status);
        Assert.Empty(answer.Text);
        Assert.Equal(2, _echo.Calls);
    }

    [Fact]
    public async Task An_empty_batch_is_one_invalid_request()
    {
        var answer = await _gateway.PostAsync("[]");

        Assert.Equal(JsonValueKind.Object, answer.Body.ValueKind);
        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, answer.ErrorCode);
    }

    [Fact]
    public async Task A_batch_at_the_limit_runs_and_one_past_it_is_refused_whole()
    {
        var call = """{"id":1,"method":"test.echo"}""";

        var atLimit = await _gateway.PostAsync($"[{string.Join(',', Enumerable.Repeat(call, MaxBatchSize))}]");
        var pastLimit = await _gateway.PostAsync($"[{string.Join(',', Enumerable.Repeat(call, MaxBatchSize + 1))}]");

        Assert.Equal(MaxBatchSize, atLimit.Body.GetArrayLength());
        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, pastLimit.ErrorCode);
        Assert.Contains($"at most {MaxBatchSize}", pastLimit.Body.GetProperty("error").GetProperty("data").GetString(), StringComparison.Ordinal);
        Assert.Equal(MaxBatchSize, _echo.Calls);
    }

    [Fact]
    public async Task An_auth_call_in_a_batch_refuses_the_whole_batch()
    {
        var answer = await _gateway.PostAsync("""[{"id":1,"method":"test.echo"},{"id":2,"method":"auth.login","params":{}}]""");

        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, answer.ErrorCode);
        Assert.Equal(0, _echo.Calls);
    }

    private static int ErrorCode(JsonElement answer) => answer.GetProperty("error").GetProperty("code").GetInt32();
}
