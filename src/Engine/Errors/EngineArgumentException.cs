namespace TorrentCluster.Engine;

/// <summary>
/// libtorrent refused an argument it was given (the shim's <c>TC_E_INVALID_ARGUMENT</c>). Arguments the engine
/// checks itself before calling libtorrent are refused with .NET's own <see cref="ArgumentException"/>.
/// </summary>
public sealed class EngineArgumentException : TorrentEngineException
{
    /// <summary>Creates the exception with a message for a person.</summary>
    public EngineArgumentException(string message)
        : base(message)
    {
    }
}
