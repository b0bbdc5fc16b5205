using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TorrentCluster.Gateway.JsonRpc;

/// <summary>
/// A method with typed parameters: turns the <c>params</c> object into <typeparamref name="TParams"/> and any
/// shape or type mismatch into -32602 with the reason, before the method sees it.
/// </summary>
public abstract class JsonRpcMethod<TParams> : IJsonRpcMethod
    where TParams : class
{
    public abstract string Name { get; }

    /// <inheritdoc />
    public virtual bool IsReadOnly => false;

    /// <inheritdoc />
    public virtual bool AllowAnonymous => false;

    /// <summary>The source-generated contract of the parameters.</summary>
    protected abstract JsonTypeInfo<TParams> ParamsType { get; }

    public ValueTask<JsonRpcResult> InvokeAsync(JsonElement parameters, CancellationToken cancellationToken) =>
        AnswerAsync(ReadParams(parameters), cancellationToken);

    /// <summary>
    /// Answers a call with parameters that have the right shape and types. Every method's own work is a method
    /// named <c>AnswerAsync</c> (a base that finds something for it, as the torrent base finds the grain, hands it
    /// to an overload of the same name), so <c>InvokeAsync</c> is only ever the interface's entry.
    /// </summary>
    protected abstract ValueTask<JsonRpcResult> AnswerAsync(TParams parameters, CancellationToken cancellationToken);

    private TParams ReadParams(JsonElement parameters)
    {
        if (parameters.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return Deserialize("{}"u8);
        }

        if (parameters.ValueKind != JsonValueKind.Object)
        {
            throw JsonRpcException.InvalidParams($"params of '{Name}' must be an object, got {parameters.ValueKind.ToString().ToLowerInvariant()}");
        }

        // Checked once, so that neither the deserializer nor a method reading a JsonElement member later throws.
        if (!JsonUnicode.IsValid(parameters))
        {
            throw JsonRpcException.InvalidParams($"params of '{Name}' hold a string that is not valid Unicode");
        }

        try
        {
            return parameters.Deserialize(StrictParamsType)
                ?? throw JsonRpcException.InvalidParams($"params of '{Name}' must be an object");
        }
        catch (JsonException exception)
        {
            throw JsonRpcException.InvalidParams(ParamErrors.Describe(exception));
        }
    }

    // Null where the record says a value cannot be null (a required name, info_hash or settings) is refused as
    // invalid params here, instead of reaching the method as a null it never checks for (-32603). The gateway's
    // results keep the shared options: only what callers send is read strictly.
    private JsonTypeInfo<TParams> StrictParamsType =>
        _strictParamsType ??= (JsonTypeInfo<TParams>)new JsonSerializerOptions(ParamsType.Options) { RespectNullableAnnotations = true }.GetTypeInfo(typeof(TParams));

    private JsonTypeInfo<TParams>? _strictParamsType;

    private TParams Deserialize(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, ParamsType)!;
        }
        catch (JsonException exception)
        {
            throw JsonRpcException.InvalidParams(ParamErrors.Describe(exception));
        }
    }
}
