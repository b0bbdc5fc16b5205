namespace TorrentCluster.Engine;

/// <summary>The alerts the engine distinguishes (the shim's <c>tc_alert_type</c>).</summary>
public enum EngineAlertKind
{
    Other = 0,
    TorrentAdded = 1,
    TorrentRemoved = 2,
    TorrentFinished = 3,
    TorrentError = 4,
    ResumeData = 5,
    ResumeDataFailed = 6,
    MetadataReceived = 7,
    StateChanged = 8,
    TorrentPaused = 9,
    TorrentResumed = 10,
    StorageMoved = 11,
    StorageMovedFailed = 12,
    FilesDeleted = 13,
    HashFailed = 14,
    TrackerError = 15,
    ListenSucceeded = 16,
    ListenFailed = 17,
    FileError = 18,
    SessionStats = 19,
    StateUpdate = 20,
    Checked = 21,
    Performance = 22,
    AddFailed = 23,
}
