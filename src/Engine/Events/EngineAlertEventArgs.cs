namespace TorrentCluster.Engine;

/// <summary>Any libtorrent alert, for logging: its kind, the torrent it is about (if any) and its message.</summary>
public sealed class EngineAlertEventArgs(EngineAlertKind kind, InfoHashes? infoHashes, string message, int errorCode) : EventArgs
{
    /// <summary>What kind of alert.</summary>
    public EngineAlertKind Kind { get; } = kind;

    /// <summary>The torrent, when the alert is about one.</summary>
    public InfoHashes? InfoHashes { get; } = infoHashes;

    /// <summary>libtorrent's message.</summary>
    public string Message { get; } = message;

    /// <summary>libtorrent's error value for failure alerts, else 0.</summary>
    public int ErrorCode { get; } = errorCode;

    /// <summary>True for alerts that report a failure.</summary>
    public bool IsError => ErrorCode != 0 || Kind is EngineAlertKind.TorrentError or EngineAlertKind.ListenFailed
        or EngineAlertKind.FileError or EngineAlertKind.StorageMovedFailed or EngineAlertKind.ResumeDataFailed;
}
