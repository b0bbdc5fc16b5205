using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TorrentCluster.Gateway.JsonRpc;

/// <summary>A method's result with the source-generated contract that writes it.</summary>
public readonly struct JsonRpcResult
{
    private readonly object? _value;
    private readonly JsonTypeInfo? _typeInfo;

    private JsonRpcResult(object? value, JsonTypeInfo? typeInfo)
    {
        _value = value;
        _typeInfo = typeInfo;
    }

    /// <summary>A result of type <typeparamref name="T"/>.</summary>
    public static JsonRpcResult Of<T>(T value, JsonTypeInfo<T> typeInfo) => new(value, typeInfo);

    /// <summary>A null result (Porla answers null for methods with nothing to say).</summary>
    public static JsonRpcResult Null { get; }

    public void WriteTo(Utf8JsonWriter writer)
    {
        if (_typeInfo is null)
        {
            writer.WriteNullValue();
            return;
        }

        JsonSerializer.Serialize(writer, _value, _typeInfo);
    }
}
