namespace TorrentCluster.Engine;

/// <summary>
/// The base of every failure the engine reports. The type says which kind (the shim's status codes map to the
/// subclasses in one table); this base itself is a failure of libtorrent with no more specific kind.
/// </summary>
public class TorrentEngineException : Exception
{
    /// <summary>Creates the exception with a message for a person.</summary>
    public TorrentEngineException(string message)
        : base(message)
    {
    }
}
