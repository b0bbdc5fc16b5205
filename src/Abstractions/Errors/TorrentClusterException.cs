namespace TorrentCluster.Abstractions.Errors;

/// <summary>
/// The one exception type grains throw to callers. It carries a <see cref="ClusterErrorCode"/> and a message
/// written for a person; it never carries engine internals or a stack trace worth showing.
/// </summary>
[GenerateSerializer]
public sealed class TorrentClusterException : Exception
{
    /// <summary>Creates an exception with a code and a human-readable message.</summary>
    public TorrentClusterException(ClusterErrorCode code, string message)
        : base(message) => Code = code;

    /// <summary>Creates an exception with a code, a message and the cause.</summary>
    public TorrentClusterException(ClusterErrorCode code, string message, Exception innerException)
        : base(message, innerException) => Code = code;

    /// <summary>What went wrong.</summary>
    [Id(0)]
    public ClusterErrorCode Code { get; init; }

    /// <summary>A torrent that does not exist.</summary>
    public static TorrentClusterException NotFound(string infoHash) =>
        new(ClusterErrorCode.TorrentNotFound, $"Torrent {infoHash} not found");
}
