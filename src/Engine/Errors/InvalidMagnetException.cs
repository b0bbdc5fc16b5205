namespace TorrentCluster.Engine;

/// <summary>The magnet link does not parse.</summary>
public sealed class InvalidMagnetException : TorrentEngineException
{
    /// <summary>Creates the exception with a message for a person.</summary>
    public InvalidMagnetException(string message)
        : base(message)
    {
    }
}
