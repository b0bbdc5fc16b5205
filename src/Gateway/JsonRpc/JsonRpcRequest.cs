using System.Text.Json;

namespace TorrentCluster.Gateway.JsonRpc;

/// <summary>One call of a request, checked against JSON-RPC 2.0's rules.</summary>
internal readonly record struct JsonRpcRequest(JsonElement Id, string Method, JsonElement Params, bool IsNotification)
{
    /// <summary>
    /// Reads a call. Porla's own clients omit <c>"jsonrpc"</c>, so it may be absent; when present it must be "2.0".
    /// </summary>
    public static bool TryRead(JsonElement call, out JsonRpcRequest request, out JsonRpcException? error)
    {
        request = default;
        if (call.ValueKind != JsonValueKind.Object)
        {
            error = Invalid("a call must be a JSON object");
            return false;
        }

        var hasId = call.TryGetProperty("id", out var id);
        if (hasId && id.ValueKind is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.Null))
        {
            error = Invalid("'id' must be a string, a number or null");
            return false;
        }

        request = new JsonRpcRequest(hasId ? id : default, string.Empty, default, !hasId);
        if (call.TryGetProperty("jsonrpc", out var version) && !(version.ValueKind == JsonValueKind.String && version.ValueEquals("2.0")))
        {
            error = Invalid("'jsonrpc' must be \"2.0\"");
            return false;
        }

        if (!TryGetMethodName(call, out var method))
        {
            error = Invalid("'method' must be a string of valid Unicode");
            return false;
        }

        var parameters = call.TryGetProperty("params", out var p) ? p : default;
        if (parameters.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object or JsonValueKind.Array))
        {
            error = Invalid("'params' must be an object or an array");
            return false;
        }

        request = request with { Method = method, Params = parameters };
        error = null;
        return true;
    }

    /// <summary>
    /// The call's method name. False when there is none, it is not a string, or it is not valid Unicode: JSON's
    /// escapes allow a lone surrogate and the parser lets invalid UTF-8 through (see <see cref="JsonUnicode"/>); reading
    /// either as a .NET string throws, which must not turn a hostile name into an HTTP 500.
    /// </summary>
    public static bool TryGetMethodName(JsonElement call, out string name)
    {
        name = string.Empty;
        if (call.ValueKind != JsonValueKind.Object || !call.TryGetProperty("method", out var method) || method.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        if (!JsonUnicode.IsValid(method))
        {
            return false;
        }

        name = method.GetString()!;
        return true;
    }

    private static JsonRpcException Invalid(string detail) => new(JsonRpcErrorCodes.InvalidRequest, "Invalid Request", detail);
}
