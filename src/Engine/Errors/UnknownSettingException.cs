namespace TorrentCluster.Engine;

/// <summary>libtorrent does not know the setting, or the value has the wrong type.</summary>
public sealed class UnknownSettingException : TorrentEngineException
{
    /// <summary>Creates the exception with a message for a person.</summary>
    public UnknownSettingException(string message)
        : base(message)
    {
    }
}
