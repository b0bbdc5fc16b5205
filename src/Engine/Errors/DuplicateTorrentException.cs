namespace TorrentCluster.Engine;

/// <summary>The torrent is in the session already; adding it again would make a second copy.</summary>
public sealed class DuplicateTorrentException : TorrentEngineException
{
    /// <summary>Creates the exception with a message for a person.</summary>
    public DuplicateTorrentException(string message)
        : base(message)
    {
    }
}
