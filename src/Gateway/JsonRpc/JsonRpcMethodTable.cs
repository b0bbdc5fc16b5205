using System.Collections.Frozen;

namespace TorrentCluster.Gateway.JsonRpc;

/// <summary>Every registered method by name. Two methods with one name is a start-up error, not a silent override.</summary>
public sealed class JsonRpcMethodTable
{
    private readonly FrozenDictionary<string, IJsonRpcMethod> _methods;

    public JsonRpcMethodTable(IEnumerable<IJsonRpcMethod> methods)
    {
        var byName = new Dictionary<string, IJsonRpcMethod>(StringComparer.Ordinal);
        foreach (var method in methods)
        {
            if (!byName.TryAdd(method.Name, method))
            {
                throw new InvalidOperationException($"JSON-RPC method '{method.Name}' is registered twice");
            }
        }

        _methods = byName.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IEnumerable<string> Names => _methods.Keys;

    public bool TryGet(string name, out IJsonRpcMethod method) => _methods.TryGetValue(name, out method!);
}
