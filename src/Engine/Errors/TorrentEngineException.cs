namespace TorrentCluster.Engine;

/// <summary>The base of every failure the engine reports; <see cref="Code"/> says which kind.</summary>
public class TorrentEngineException : Exception
{
    /// <summary>Creates an exception of the given kind.</summary>
    public TorrentEngineException(EngineErrorCode code, string message)
        : base(message) => Code = code;

    /// <summary>What kind of failure this is.</summary>
    public EngineErrorCode Code { get; }
}
