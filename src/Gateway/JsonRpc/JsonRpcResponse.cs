using System.Text.Json;

namespace TorrentCluster.Gateway.JsonRpc;

/// <summary>One answer: the caller's id echoed as it came (any JSON type), and a result or an error.</summary>
internal readonly struct JsonRpcResponse
{
    private readonly JsonElement _id;
    private readonly JsonRpcResult _result;
    private readonly JsonRpcException? _error;

    public JsonRpcResponse(JsonElement id, JsonRpcResult result)
    {
        _id = id;
        _result = result;
    }

    public JsonRpcResponse(JsonElement id, JsonRpcException error)
    {
        _id = id;
        _error = error;
    }

    /// <summary>The error answered, or null for a result.</summary>
    public JsonRpcException? Error => _error;

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("jsonrpc"u8, "2.0"u8);
        writer.WritePropertyName("id"u8);
        if (_id.ValueKind == JsonValueKind.Undefined)
        {
            writer.WriteNullValue();
        }
        else
        {
            _id.WriteTo(writer);
        }

        if (_error is null)
        {
            writer.WritePropertyName("result"u8);
            _result.WriteTo(writer);
        }
        else
        {
            writer.WriteStartObject("error"u8);
            writer.WriteNumber("code"u8, _error.Code);
            writer.WriteString("message"u8, _error.Message);
            // Porla always sends "data", null when there is nothing to add; its clients read error.data as given
            // (the web UI reads data.pos of a query error).
            writer.WritePropertyName("data"u8);
            if (_error.DetailObject is { } detail)
            {
                detail.WriteTo(writer);
            }
            else if (_error.Detail is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStringValue(_error.Detail);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
