using TorrentCluster.Abstractions.Errors;

namespace TorrentCluster.Gateway.JsonRpc;

/// <summary>Cluster error codes to JSON-RPC error codes: the one table of it.</summary>
internal static class ClusterErrorMapping
{
    public static JsonRpcException ToJsonRpc(TorrentClusterException exception) => new(
        exception.Code switch
        {
            ClusterErrorCode.TorrentNotFound => JsonRpcErrorCodes.TorrentNotFound,
            ClusterErrorCode.TorrentExists => JsonRpcErrorCodes.TorrentExists,
            ClusterErrorCode.InvalidTorrent => JsonRpcErrorCodes.InvalidTorrent,
            ClusterErrorCode.InvalidMagnet => JsonRpcErrorCodes.InvalidMagnet,
            ClusterErrorCode.InvalidArgument => JsonRpcErrorCodes.InvalidArgument,
            ClusterErrorCode.NoMetadata => JsonRpcErrorCodes.NoMetadata,
            ClusterErrorCode.SiloNotFound => JsonRpcErrorCodes.SiloNotFound,
            _ => JsonRpcErrorCodes.EngineFailure,
        },
        exception.Message);
}
