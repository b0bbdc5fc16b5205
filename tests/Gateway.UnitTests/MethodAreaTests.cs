using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using TorrentCluster.Gateway.Hosting;
using TorrentCluster.Gateway.JsonRpc;
using Xunit;

namespace TorrentCluster.Gateway.UnitTests;

/// <summary>
/// How the methods are laid out: each area (<c>Methods/&lt;Area&gt;/</c>) has its own JSON context and registration,
/// so these hold the areas to what one shared context and one shared list used to guarantee by construction.
/// </summary>
public sealed class MethodAreaTests
{
    private const string MethodsNamespace = "TorrentCluster.Gateway.Methods.";

    private static readonly Assembly Gateway = typeof(IJsonRpcMethod).Assembly;

    public static TheoryData<string> Contexts() => [.. ContextTypes().Select(type => type.FullName!)];

    [Fact]
    public void Every_method_area_has_its_own_json_context()
    {
        var areas = Gateway.GetTypes()
            .Where(IsMethod)
            .Select(type => type.Namespace!)
            .Distinct()
            .Order(StringComparer.Ordinal);
        var contexts = ContextTypes().Select(type => type.Namespace!).Order(StringComparer.Ordinal);

        Assert.Equal(areas, contexts);
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public void Every_context_reads_and_writes_Porlas_json_the_same_way(string context)
    {
        var options = ((JsonSerializerContext)Gateway.GetType(context)!.GetProperty("Default")!.GetValue(null)!).Options;

        Assert.Same(JsonNamingPolicy.SnakeCaseLower, options.PropertyNamingPolicy);
        Assert.Equal(JsonNumberHandling.Strict, options.NumberHandling);
        Assert.Equal(
            [typeof(InfoHashPairConverter), typeof(PeerEndpointConverter)],
            options.Converters.Select(converter => converter.GetType()));
    }

    [Fact]
    public void Every_method_class_is_sealed_and_in_a_method_area()
    {
        var methods = Gateway.GetTypes().Where(type => typeof(IJsonRpcMethod).IsAssignableFrom(type) && !type.IsAbstract && !type.IsInterface).ToList();

        Assert.NotEmpty(methods);
        Assert.All(methods, method =>
        {
            Assert.True(method.IsSealed, $"{method.Name} is not sealed");
            Assert.StartsWith(MethodsNamespace, method.Namespace, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_gateway_wiring_registers_every_method_class_once()
    {
        using var gateway = new GatewayUnderTest();

        var registered = gateway.RegisteredMethods.Select(method => method.GetType()).ToList();
        var declared = Gateway.GetTypes().Where(IsMethod).ToList();

        Assert.Equal(registered.Count, registered.Distinct().Count());
        Assert.Equal(declared.OrderBy(type => type.FullName), registered.OrderBy(type => type.FullName));
    }

    [Fact]
    public void The_json_rpc_infrastructure_uses_no_method_area()
    {
        var infrastructure = Gateway.GetTypes().Where(type => type.Namespace == typeof(IJsonRpcMethod).Namespace);

        var uses = infrastructure
            .SelectMany(type => TypesUsedBy(type).Select(used => (Type: type, Used: used)))
            .Where(pair => pair.Used.Namespace?.StartsWith(MethodsNamespace, StringComparison.Ordinal) == true)
            .Select(pair => $"{pair.Type.Name} uses {pair.Used.FullName}")
            .ToList();

        Assert.Empty(uses);
    }

    [Fact]
    public void The_gateway_wiring_adds_each_area_by_one_call()
    {
        var calls = typeof(GatewayServiceCollectionExtensions).Assembly.GetTypes()
            .Where(type => type.Namespace?.StartsWith(MethodsNamespace, StringComparison.Ordinal) == true && type.IsAbstract && type.IsSealed)
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(method => method.Name.StartsWith("Add", StringComparison.Ordinal) && method.Name.EndsWith("Methods", StringComparison.Ordinal))
            .Select(method => method.DeclaringType!.Namespace)
            .Order(StringComparer.Ordinal);
        var areas = ContextTypes().Select(type => type.Namespace).Order(StringComparer.Ordinal);

        Assert.Equal(areas, calls);
    }

    private static bool IsMethod(Type type) =>
        typeof(IJsonRpcMethod).IsAssignableFrom(type) && type is { IsAbstract: false, IsInterface: false };

    private static IEnumerable<Type> ContextTypes() =>
        Gateway.GetTypes().Where(type => typeof(JsonSerializerContext).IsAssignableFrom(type) && !type.IsAbstract);

    // The types a type's signature names: its base, interfaces, fields, properties and method parameters and returns.
    private static IEnumerable<Type> TypesUsedBy(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var named = new List<Type>();
        if (type.BaseType is { } baseType)
        {
            named.Add(baseType);
        }

        named.AddRange(type.GetInterfaces());
        named.AddRange(type.GetFields(all).Select(field => field.FieldType));
        named.AddRange(type.GetProperties(all).Select(property => property.PropertyType));
        foreach (var method in type.GetMethods(all))
        {
            named.Add(method.ReturnType);
            named.AddRange(method.GetParameters().Select(parameter => parameter.ParameterType));
        }

        return named.SelectMany(Unwrap);
    }

    private static IEnumerable<Type> Unwrap(Type type) =>
        type.IsGenericType ? [type, .. type.GetGenericArguments().SelectMany(Unwrap)]
        : type.HasElementType ? Unwrap(type.GetElementType()!)
        : [type];
}
