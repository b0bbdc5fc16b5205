using System.Text.Json;
using Microsoft.Extensions.Logging;
using TorrentCluster.Abstractions.Errors;
using TorrentCluster.Gateway.JsonRpc;
using Xunit;

namespace TorrentCluster.Gateway.UnitTests;

/// <summary>What a caller sees for each kind of exception a method throws: the gateway's one mapping of errors.</summary>
public sealed class MethodFailureTests
{
    // Porla's numbers for the cluster's error codes; a code missing here is a code a client cannot act on.
    public static TheoryData<ClusterErrorCode, int> ClusterCodes => new()
    {
        { ClusterErrorCode.TorrentNotFound, -1 },
        { ClusterErrorCode.TorrentExists, -3 },
        { ClusterErrorCode.InvalidTorrent, -2 },
        { ClusterErrorCode.InvalidMagnet, -3 },
        { ClusterErrorCode.InvalidArgument, -4 },
        { ClusterErrorCode.NoMetadata, -7 },
        { ClusterErrorCode.EngineFailure, -5 },
        { ClusterErrorCode.SiloNotFound, -10 },
    };

    [Fact]
    public void Every_cluster_error_code_has_a_row_in_the_table_above() =>
        Assert.Equal(Enum.GetValues<ClusterErrorCode>().Order(), ClusterCodes.Select(row => (ClusterErrorCode)row[0]).Order());

    [Theory]
    [MemberData(nameof(ClusterCodes))]
    public async Task A_cluster_error_answers_its_JSON_RPC_code_with_its_message(ClusterErrorCode code, int expected)
    {
        var message = $"the cluster says {code}";
        var answer = await CallFailingAsync(() => new TorrentClusterException(code, message));

        Assert.Equal(expected, answer.ErrorCode);
        Assert.Equal(message, answer.Body.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_JSON_RPC_error_a_method_throws_is_answered_as_it_is()
    {
        var answer = await CallFailingAsync(() => new JsonRpcException(-42, "Own error", "own detail"));

        var error = answer.Body.GetProperty("error");
        Assert.Equal(-42, error.GetProperty("code").GetInt32());
        Assert.Equal("Own error", error.GetProperty("message").GetString());
        Assert.Equal("own detail", error.GetProperty("data").GetString());
    }

    [Fact]
    public async Task Invalid_params_thrown_by_a_method_are_32602()
    {
        var answer = await CallFailingAsync(() => JsonRpcException.InvalidParams("'x' has the wrong type"));

        Assert.Equal(JsonRpcErrorCodes.InvalidParams, answer.ErrorCode);
    }

    [Theory]
    [InlineData(typeof(TimeoutException))]
    [InlineData(typeof(OperationCanceledException))]
    [InlineData(typeof(TaskCanceledException))]
    [InlineData(typeof(OrleansException))]
    [InlineData(typeof(SiloUnavailableException))]
    [InlineData(typeof(Orleans.Persistence.Redis.RedisStorageException))]
    public async Task A_cluster_that_did_not_answer_or_whose_storage_failed_is_cluster_unavailable(Type exception)
    {
        var answer = await CallFailingAsync(() => (Exception)Activator.CreateInstance(exception)!);

        Assert.Equal(JsonRpcErrorCodes.ClusterUnavailable, answer.ErrorCode);
    }

    [Fact]
    public async Task A_call_past_its_deadline_is_cluster_unavailable_and_the_method_is_cancelled()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hanging = new ScriptedMethod("test.hang", async (_, cancellationToken) =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                cancelled.TrySetResult();
                throw;
            }

            return JsonRpcResult.Null;
        });
        using var gateway = new GatewayUnderTest([hanging], settings: new Dictionary<string, string?>
        {
            ["TorrentCluster:Gateway:CallDeadline"] = "00:00:01",
        });

        var answer = await gateway.PostAsync("{\"id\":1,\"method\":\"test.hang\"}");

        Assert.Equal(JsonRpcErrorCodes.ClusterUnavailable, answer.ErrorCode);
        Assert.Contains("deadline", answer.Body.GetProperty("error").GetProperty("data").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, hanging.Calls);
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task The_callers_own_cancellation_is_not_answered()
    {
        using var aborted = new CancellationTokenSource();
        // The caller goes away while the method runs.
        var hanging = new ScriptedMethod("test.hang", async (_, cancellationToken) =>
        {
            await aborted.CancelAsync();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return JsonRpcResult.Null;
        });
        using var gateway = new GatewayUnderTest([hanging]);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gateway.PostAsync("{\"id\":1,\"method\":\"test.hang\"}", aborted.Token));
        Assert.Equal(1, hanging.Calls);
    }

    [Fact]
    public async Task An_unexpected_exception_is_an_internal_error_without_its_message_type_or_stack()
    {
        using var logs = new RecordedLogs();
        var answer = await CallFailingAsync(() => new InvalidOperationException("something broke at /srv/secret/path"), logs: logs);

        var error = answer.Body.GetProperty("error");
        Assert.Equal(JsonRpcErrorCodes.InternalError, error.GetProperty("code").GetInt32());
        Assert.Equal("Internal error", error.GetProperty("message").GetString());
        // Porla's shape: "data" is always there, null when (as here) nothing may be said.
        Assert.Equal(JsonValueKind.Null, error.GetProperty("data").ValueKind);
        Assert.DoesNotContain("something broke", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/srv/secret/path", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(ScriptedMethod), answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", answer.Text, StringComparison.Ordinal);

        // The operator finds it by the call's id, with the exception itself.
        var logged = Assert.Single(logs.Entries, entry => entry.Level == LogLevel.Error);
        Assert.Contains("test.fail", logged.Message, StringComparison.Ordinal);
        Assert.Contains("request id 9", logged.Message, StringComparison.Ordinal);
        Assert.Equal("something broke at /srv/secret/path", logged.Exception?.Message);
    }

    [Fact]
    public async Task A_read_is_retried_through_a_failure_of_Orleans_messaging()
    {
        var failures = 1;
        var flaky = new ScriptedMethod("test.read", (_, _) => Interlocked.Decrement(ref failures) >= 0
            ? ValueTask.FromException<JsonRpcResult>(new OrleansException("connection to the silo lost"))
            : ValueTask.FromResult(JsonRpcResult.Of("read", UnitTestJsonContext.Default.String)), isReadOnly: true);
        using var gateway = new GatewayUnderTest([flaky]);

        var answer = await gateway.PostAsync("{\"id\":1,\"method\":\"test.read\"}");

        Assert.Equal("read", answer.Body.GetProperty("result").GetString());
        Assert.Equal(2, flaky.Calls);
    }

    [Fact]
    public async Task A_cluster_error_of_a_read_is_not_retried()
    {
        var answer = await CallFailingAsync(() => TorrentClusterException.NotFound(new string('a', 40)), isReadOnly: true, expectedCalls: 1);

        Assert.Equal(JsonRpcErrorCodes.TorrentNotFound, answer.ErrorCode);
    }

    private static async Task<GatewayUnderTest.Answer> CallFailingAsync(
        Func<Exception> failure, bool isReadOnly = false, int expectedCalls = 1, RecordedLogs? logs = null)
    {
        var failing = ScriptedMethod.Throwing("test.fail", failure, isReadOnly);
        using var gateway = new GatewayUnderTest([failing], logs: logs);

        var answer = await gateway.PostAsync("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"test.fail\"}");

        Assert.Equal(9, answer.Body.GetProperty("id").GetInt32());
        Assert.Equal(expectedCalls, failing.Calls);
        return answer;
    }
}
