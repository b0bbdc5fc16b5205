using System.Text.Json;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.UnitTests;

/// <summary>A method of the fake table: answers each call with what the test gave it, and counts its calls.</summary>
internal sealed class ScriptedMethod(
    string name,
    Func<JsonElement, CancellationToken, ValueTask<JsonRpcResult>> answer,
    bool isReadOnly = false) : IJsonRpcMethod
{
    private int _calls;

    public string Name => name;

    public bool IsReadOnly => isReadOnly;

    public int Calls => Volatile.Read(ref _calls);

    public ValueTask<JsonRpcResult> InvokeAsync(JsonElement parameters, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return answer(parameters, cancellationToken);
    }

    /// <summary>Answers with the call's params, so a test sees what reached the method.</summary>
    public static ScriptedMethod Echo(string name = "test.echo") =>
        new(name, (parameters, _) => ValueTask.FromResult(parameters.ValueKind == JsonValueKind.Undefined
            ? JsonRpcResult.Null
            : JsonRpcResult.Of(parameters.Clone(), UnitTestJsonContext.Default.JsonElement)));

    /// <summary>Fails every call with the exception <paramref name="failure"/> makes.</summary>
    public static ScriptedMethod Throwing(string name, Func<Exception> failure, bool isReadOnly = false) =>
        new(name, (_, _) => ValueTask.FromException<JsonRpcResult>(failure()), isReadOnly);
}
