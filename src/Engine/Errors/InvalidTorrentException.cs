namespace TorrentCluster.Engine;

/// <summary>The .torrent bytes do not parse as a torrent.</summary>
public sealed class InvalidTorrentException : TorrentEngineException
{
    /// <summary>Creates the exception with a message for a person.</summary>
    public InvalidTorrentException(string message)
        : base(message)
    {
    }
}
