namespace TorrentCluster.Engine;

/// <summary>The resume data does not parse.</summary>
public sealed class InvalidResumeDataException : TorrentEngineException
{
    /// <summary>Creates the exception with a message for a person.</summary>
    public InvalidResumeDataException(string message)
        : base(message)
    {
    }
}
