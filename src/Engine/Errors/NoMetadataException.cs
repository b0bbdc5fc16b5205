namespace TorrentCluster.Engine;

/// <summary>The torrent has no metadata yet (a magnet link still fetching it).</summary>
public sealed class NoMetadataException : TorrentEngineException
{
    /// <summary>Creates the exception with a message for a person.</summary>
    public NoMetadataException(string message)
        : base(message)
    {
    }
}
