namespace TorrentCluster.Engine;

/// <summary>Boolean facts of a torrent's status (the shim's <c>TC_STATUS_*</c> bits).</summary>
[Flags]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "Mirrors libtorrent's torrent flags.")]
public enum TorrentStatusFlags
{
    None = 0,
    Paused = 0x1,
    AutoManaged = 0x2,
    IsSeeding = 0x4,
    IsFinished = 0x8,
    HasMetadata = 0x10,
    MovingStorage = 0x20,
    NeedSaveResume = 0x40,
    SeedMode = 0x80,
    UploadMode = 0x100,
    Sequential = 0x200,
    SuperSeeding = 0x400,
}
