using System.Runtime.InteropServices;

namespace TorrentCluster.Engine.Interop;

// Mirrors of tc_engine.h's structs, field for field in the header's order. NativeLayoutTests checks their sizes
// against the C compiler's.

internal enum TcStatus
{
    Ok = 0,
    InvalidArgument = 1,
    InvalidTorrent = 2,
    InvalidMagnet = 3,
    Duplicate = 4,
    InvalidHandle = 5,
    InvalidResume = 6,
    UnknownSetting = 7,
    IO = 8,
    NoMetadata = 9,
    Internal = 100,
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct TcError
{
    public const int MessageCapacity = 1024;
    public int Code;
    public int Reserved;
    public fixed byte Message[MessageCapacity];
}

[StructLayout(LayoutKind.Sequential)]
internal struct TcSetting
{
    public nint Name;
    public nint Value;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct TcAddParams
{
    public byte* TorrentData;
    public long TorrentSize;
    public byte* ResumeData;
    public long ResumeSize;
    public nint MagnetUri;
    public nint SavePath;
    public nint Name;
    public nint* Trackers;
    public nint* UrlSeeds;
    public nint* HttpSeeds;
    public int TrackerCount;
    public int Paused;
    public int UploadLimit;
    public int DownloadLimit;
    public int MaxConnections;
    public int MaxUploads;
    public int SeedMode;
    public int UrlSeedCount;
    public int HttpSeedCount;
    public int StorageMode;
}

[StructLayout(LayoutKind.Sequential)]
internal struct TcTorrentLimits
{
    public int UploadLimit;
    public int DownloadLimit;
    public int MaxConnections;
    public int MaxUploads;
}

[StructLayout(LayoutKind.Sequential)]
internal struct TcTorrentStatus
{
    public nint InfoHashV1;
    public nint InfoHashV2;
    public nint Name;
    public nint SavePath;
    public nint Error;
    public nint ErrorFile;
    public long TotalSize;
    public long TotalWanted;
    public long TotalDone;
    public long TotalWantedDone;
    public long Total;
    public long TotalDownload;
    public long TotalUpload;
    public long TotalPayloadDownload;
    public long TotalPayloadUpload;
    public long AllTimeDownload;
    public long AllTimeUpload;
    public long AddedTime;
    public long CompletedTime;
    public long LastDownload;
    public long LastUpload;
    public long ActiveDuration;
    public long FinishedDuration;
    public long SeedingDuration;
    public long HandleId;
    public float Progress;
    public int State;
    public int Flags;
    public int DownloadRate;
    public int UploadRate;
    public int DownloadPayloadRate;
    public int UploadPayloadRate;
    public int NumPeers;
    public int NumSeeds;
    public int NumComplete;
    public int NumIncomplete;
    public int ListPeers;
    public int ListSeeds;
    public int Connections;
    public int QueuePosition;
    public int NumPieces;
    public int TorrentPieces;
    public int PieceLength;
    public int ErrorCode;
    public int Reserved;
    public ulong TorrentFlags;
}

[StructLayout(LayoutKind.Sequential)]
internal struct TcPeerInfo
{
    public nint Client;
    public nint Ip;
    public nint LocalIp;
    public long TotalDownload;
    public long TotalUpload;
    public long LastRequest;
    public long LastActive;
    public long DownloadQueueTime;
    public float Progress;
    public int Port;
    public int LocalPort;
    public uint Flags;
    public int Source;
    public int ConnectionType;
    public int UpSpeed;
    public int DownSpeed;
    public int PayloadUpSpeed;
    public int PayloadDownSpeed;
    public int BusyRequests;
    public int DownloadQueueLength;
    public int UploadQueueLength;
    public int Rtt;
    public int NumPieces;
    public int NumHashfails;
    public int Failcount;
    public int Reserved;
}

[StructLayout(LayoutKind.Sequential)]
internal struct TcFileEntry
{
    public nint Path;
    public long Size;
    public long Offset;
    public long Downloaded;
    public int Index;
    public int Priority;
    public int Flags;
    public int NumPieces;
    public int NumBlocks;
    public int FirstPieceNode;
    public int FirstBlockNode;
    public int AbsolutePath;
    public int Reserved;
}

[StructLayout(LayoutKind.Sequential)]
internal struct TcTrackerEntry
{
    public nint Url;
    public nint Message;
    public nint LastError;
    public long NextAnnounce;
    public long MinAnnounce;
    public int Tier;
    public int Fails;
    public int Source;
    public int Verified;
    public int Updating;
    public int ScrapeComplete;
    public int ScrapeIncomplete;
    public int ScrapeDownloaded;
    public nint TrackerId;
    public int FailLimit;
    public int AnnounceFirst;
    public int AnnounceCount;
    public int Reserved;
}

[StructLayout(LayoutKind.Sequential)]
internal struct TcTrackerAnnounce
{
    public nint LocalAddress;
    public nint Message;
    public nint LastError;
    public long NextAnnounce;
    public long MinAnnounce;
    public int LocalPort;
    public int Enabled;
    public int Version;
    public int Fails;
    public int Updating;
    public int StartSent;
    public int CompleteSent;
    public int ScrapeComplete;
    public int ScrapeIncomplete;
    public int ScrapeDownloaded;
}

[StructLayout(LayoutKind.Sequential)]
internal struct TcSessionStats
{
    public long BytesReceived;
    public long BytesSent;
    public long PayloadReceived;
    public long PayloadSent;
    public long IpOverheadReceived;
    public long IpOverheadSent;
    public long RedundantBytes;
    public long FailedBytes;
    public long NumPeersConnected;
    public long NumPeersHalfOpen;
    public long DhtNodes;
    public long DiskReadBytes;
    public long DiskWriteBytes;
    public long NumCheckingTorrents;
    public long NumDownloadingTorrents;
    public long NumSeedingTorrents;
    public long NumStoppedTorrents;
    public long NumErrorTorrents;
    public long TimestampUs;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct TcAlert
{
    public nint InfoHashV1;
    public nint InfoHashV2;
    public nint Message;
    public byte* Data;
    public nint Torrent;
    public long DataSize;
    public long Value;
    public long Value2;
    public int Type;
    public int ErrorCode;
}

[StructLayout(LayoutKind.Sequential)]
internal struct TcTorrentMeta
{
    public nint InfoHashV1;
    public nint InfoHashV2;
    public nint Name;
    public long TotalSize;
    public int NumFiles;
    public int NumPieces;
    public int PieceLength;
    public int IsPrivate;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct TcCreateParams
{
    public nint Path;
    public nint* Trackers;
    public nint* WebSeeds;
    public nint Comment;
    public nint Creator;
    public int TrackerCount;
    public int WebSeedCount;
    public int Version;
    public int PieceSize;
    public int IsPrivate;
    public int Reserved;
}
