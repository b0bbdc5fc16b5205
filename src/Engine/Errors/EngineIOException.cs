namespace TorrentCluster.Engine;

/// <summary>A file or folder could not be read or written.</summary>
public sealed class EngineIOException : TorrentEngineException
{
    /// <summary>Creates the exception with a message for a person.</summary>
    public EngineIOException(string message)
        : base(message)
    {
    }
}
