using System.Collections.Frozen;

namespace TorrentCluster.Gateway.JsonRpc;

/// <summary>
/// Every registered method by name, and by its aliases. Two methods with one name, or an alias of a method that is
/// not registered, is a start-up error, not a silent override or a name that answers "method not found".
/// </summary>
public sealed class JsonRpcMethodTable
{
    private readonly FrozenDictionary<string, IJsonRpcMethod> _methods;

    public JsonRpcMethodTable(IEnumerable<IJsonRpcMethod> methods, IEnumerable<JsonRpcMethodAlias> aliases)
    {
        var byName = new Dictionary<string, IJsonRpcMethod>(StringComparer.Ordinal);
        foreach (var method in methods)
        {
            Add(byName, method.Name, method);
        }

        foreach (var alias in aliases.ToList())
        {
            var target = byName.GetValueOrDefault(alias.Target)
                ?? throw new InvalidOperationException($"JSON-RPC alias '{alias.Name}' names '{alias.Target}', which is not registered");
            Add(byName, alias.Name, target);
        }

        _methods = byName.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IEnumerable<string> Names => _methods.Keys;

    public bool TryGet(string name, out IJsonRpcMethod method) => _methods.TryGetValue(name, out method!);

    private static void Add(Dictionary<string, IJsonRpcMethod> byName, string name, IJsonRpcMethod method)
    {
        if (!byName.TryAdd(name, method))
        {
            throw new InvalidOperationException($"JSON-RPC method '{name}' is registered twice");
        }
    }
}
