namespace TorrentCluster.Engine;

/// <summary>A setting the engine itself sets and depends on (<see cref="ReservedSettings"/>); nothing was applied.</summary>
public sealed class ReservedSettingException : TorrentEngineException
{
    /// <summary>Creates the exception with a message for a person.</summary>
    public ReservedSettingException(string message)
        : base(message)
    {
    }
}
