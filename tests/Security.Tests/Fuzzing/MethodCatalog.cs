using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Security.Tests.Fuzzing;

/// <summary>One parameter of a method as clients send it: its JSON name, its .NET type, whether it must be present.</summary>
public sealed record ParamShape(string Name, Type Type, bool Required);

/// <summary>A JSON-RPC method of the gateway and the parameters its params record declares.</summary>
public sealed record MethodShape(string Name, IReadOnlyList<ParamShape> Params);

/// <summary>
/// Every JSON-RPC method the gateway has, read from its assembly, so the fuzzer calls the methods the product
/// really registers (a method added tomorrow is fuzzed tomorrow) with the parameter names and types it declares.
/// </summary>
public static class MethodCatalog
{
    public static IReadOnlyList<MethodShape> Methods { get; } = Load();

    private static List<MethodShape> Load() =>
    [
        .. typeof(IJsonRpcMethod).Assembly.GetTypes()
            .Where(type => type is { IsAbstract: false, IsInterface: false } && typeof(IJsonRpcMethod).IsAssignableFrom(type))
            .Select(type => new MethodShape(NameOf(type), ParamsOf(type)))
            .OrderBy(method => method.Name, StringComparer.Ordinal),
    ];

    // Names are constants behind a property: an uninitialised instance answers without the services it needs.
    private static string NameOf(Type method) => ((IJsonRpcMethod)RuntimeHelpers.GetUninitializedObject(method)).Name;

    private static List<ParamShape> ParamsOf(Type method)
    {
        for (var type = method; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(JsonRpcMethod<>))
            {
                return ShapeOf(type.GetGenericArguments()[0]);
            }
        }

        return [];
    }

    /// <summary>The JSON members of a record, named as the gateway's snake_case contract names them.</summary>
    public static List<ParamShape> ShapeOf(Type record) =>
    [
        .. record.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.CanWrite && property.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(property => new ParamShape(
                property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name),
                Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType,
                property.GetCustomAttribute<RequiredMemberAttribute>() is not null)),
    ];
}
