namespace TorrentCluster.Gateway.JsonRpc;

/// <summary>
/// Checks on list parameters that the deserializer cannot make: it refuses null for a property declared
/// non-nullable, but lets <c>[null]</c> into a list of non-nullable items.
/// </summary>
internal static class ParamLists
{
    /// <summary><paramref name="items"/>, or -32602 naming the parameter when one of them is null.</summary>
    public static IReadOnlyList<T> WithoutNulls<T>(IReadOnlyList<T?> items, string name)
        where T : class
    {
        for (var index = 0; index < items.Count; index++)
        {
            if (items[index] is null)
            {
                throw JsonRpcException.InvalidParams($"'{name}[{index}]' must not be null");
            }
        }

        return items!;
    }
}
