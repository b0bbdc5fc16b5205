using TorrentCluster.Abstractions.Errors;

namespace TorrentCluster.Grains.Torrents;

/// <summary>Where a torrent's data may go on a silo's disk.</summary>
internal static class SavePaths
{
    /// <summary>
    /// The caller's path, normalised. It must be absolute: a relative one would land wherever the silo process
    /// happens to run, which differs per machine and per container.
    /// </summary>
    public static string Resolve(string requested)
    {
        if (requested.Length == 0 || requested.Contains('\0', StringComparison.Ordinal) || !Path.IsPathFullyQualified(requested))
        {
            throw new TorrentClusterException(
                ClusterErrorCode.InvalidArgument, $"save_path must be an absolute path, got '{requested.Replace("\0", "\\0", StringComparison.Ordinal)}'");
        }

        return Path.GetFullPath(requested);
    }
}
