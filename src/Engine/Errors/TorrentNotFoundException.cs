namespace TorrentCluster.Engine;

/// <summary>The torrent is not in the session (it was removed, or never added).</summary>
public sealed class TorrentNotFoundException : TorrentEngineException
{
    /// <summary>Creates the exception with a message for a person.</summary>
    public TorrentNotFoundException(string message)
        : base(message)
    {
    }
}
