using TorrentCluster.Abstractions.Errors;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Engine;

namespace TorrentCluster.Grains.Torrents;

/// <summary>The cluster's <see cref="MoveConflict"/> as the engine's <see cref="MoveMode"/>: the one place they meet.</summary>
internal static class MoveModes
{
    public static MoveMode Of(MoveConflict conflict) => conflict switch
    {
        MoveConflict.DontReplace => MoveMode.DontReplace,
        MoveConflict.AlwaysReplace => MoveMode.AlwaysReplaceFiles,
        MoveConflict.FailIfExists => MoveMode.FailIfExist,
        // An enum crosses the wire as its number: a client built against a newer contract may send one we lack.
        _ => throw new TorrentClusterException(ClusterErrorCode.InvalidArgument, $"{(int)conflict} is not a move conflict this silo knows"),
    };
}
