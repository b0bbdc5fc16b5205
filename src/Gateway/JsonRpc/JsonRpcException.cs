using System.Text.Json;

namespace TorrentCluster.Gateway.JsonRpc;

/// <summary>An error to answer a JSON-RPC call with: a code, a message for a person, and optional detail.</summary>
public sealed class JsonRpcException(int code, string message, string? data = null) : Exception(message)
{
    public int Code { get; } = code;

    public string? Detail { get; } = data;

    /// <summary>Structured detail, sent as <c>data</c> in place of <see cref="Detail"/> (Porla's <c>{"pos": n}</c> of a bad query).</summary>
    public JsonElement? DetailObject { get; init; }

    /// <summary>When the caller may try again, for refusals that say "later" (sent as <c>Retry-After</c>).</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static JsonRpcException InvalidParams(string detail) =>
        new(JsonRpcErrorCodes.InvalidParams, "Invalid params", detail);
}
