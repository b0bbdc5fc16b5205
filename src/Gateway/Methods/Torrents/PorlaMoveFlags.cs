using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary>
/// Porla's <c>flags</c> of <c>torrents.move</c> (libtorrent's <c>move_flags_t</c> names) read at the edge, so the
/// grain takes a <see cref="MoveConflict"/> and a value Porla does not know is invalid params (-32602).
/// </summary>
public static class PorlaMoveFlags
{
    private static readonly Dictionary<string, MoveConflict> Names = new(StringComparer.Ordinal)
    {
        ["dont_replace"] = MoveConflict.DontReplace,
        ["always_replace_files"] = MoveConflict.AlwaysReplace,
        ["fail_if_exist"] = MoveConflict.FailIfExists,
    };

    /// <summary>The conflict rule named by <paramref name="flags"/>; absent is Porla's default, dont_replace.</summary>
    /// <exception cref="JsonRpcException">Invalid params: a value that is not one of Porla's names.</exception>
    public static MoveConflict Parse(string? flags) =>
        flags is null ? MoveConflict.DontReplace
        : Names.TryGetValue(flags, out var conflict) ? conflict
        : throw JsonRpcException.InvalidParams($"'flags' must be one of {string.Join(", ", Names.Keys)}; got '{flags}'");
}
