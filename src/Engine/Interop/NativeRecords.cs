using System.Net;

namespace TorrentCluster.Engine.Interop;

/// <summary>Copies the shim's structs into the engine's public records.</summary>
internal static class NativeRecords
{
    public static InfoHashes ReadHashes(nint v1, nint v2) => new(NativeText.ReadOptional(v1), NativeText.ReadOptional(v2));

    public static TorrentStatus ToStatus(in TcTorrentStatus s) => new(
        ReadHashes(s.InfoHashV1, s.InfoHashV2),
        NativeText.Read(s.Name),
        NativeText.Read(s.SavePath),
        NativeText.ReadOptional(s.Error),
        NativeText.ReadOptional(s.ErrorFile),
        s.TotalSize,
        s.TotalWanted,
        s.TotalDone,
        s.TotalWantedDone,
        s.Total,
        s.TotalDownload,
        s.TotalUpload,
        s.TotalPayloadDownload,
        s.TotalPayloadUpload,
        s.AllTimeDownload,
        s.AllTimeUpload,
        DateTimeOffset.FromUnixTimeSeconds(s.AddedTime),
        s.CompletedTime > 0 ? DateTimeOffset.FromUnixTimeSeconds(s.CompletedTime) : null,
        s.LastDownload,
        s.LastUpload,
        s.ActiveDuration,
        s.FinishedDuration,
        s.SeedingDuration,
        s.Progress,
        (TorrentState)s.State,
        (TorrentStatusFlags)s.Flags,
        s.DownloadRate,
        s.UploadRate,
        s.DownloadPayloadRate,
        s.UploadPayloadRate,
        s.NumPeers,
        s.NumSeeds,
        s.NumComplete,
        s.NumIncomplete,
        s.ListPeers,
        s.ListSeeds,
        s.Connections,
        s.QueuePosition,
        s.NumPieces,
        s.TorrentPieces,
        s.PieceLength,
        s.ErrorCode,
        s.TorrentFlags);

    public static PeerInfo ToPeer(in TcPeerInfo p) => new(
        NativeText.Read(p.Client),
        Endpoint(p.Ip, p.Port),
        Endpoint(p.LocalIp, p.LocalPort),
        p.TotalDownload,
        p.TotalUpload,
        p.LastRequest,
        p.LastActive,
        p.DownloadQueueTime,
        p.Progress,
        p.Flags,
        p.Source,
        p.ConnectionType,
        p.UpSpeed,
        p.DownSpeed,
        p.PayloadUpSpeed,
        p.PayloadDownSpeed,
        p.BusyRequests,
        p.DownloadQueueLength,
        p.UploadQueueLength,
        p.Rtt,
        p.NumPieces,
        p.NumHashfails,
        p.Failcount);

    public static TorrentFile ToFile(in TcFileEntry f) =>
        new(f.Index, NativeText.Read(f.Path), f.Size, f.Offset, f.Downloaded, f.Priority, f.Flags)
        {
            NumPieces = f.NumPieces,
            NumBlocks = f.NumBlocks,
            FirstPieceNode = f.FirstPieceNode,
            FirstBlockNode = f.FirstBlockNode,
            AbsolutePath = f.AbsolutePath != 0,
        };

    public static TrackerInfo ToTracker(in TcTrackerEntry t) => new(
        NativeText.Read(t.Url),
        t.Tier,
        NativeText.ReadOptional(t.Message),
        NativeText.ReadOptional(t.LastError),
        t.NextAnnounce > 0 ? DateTimeOffset.FromUnixTimeSeconds(t.NextAnnounce) : null,
        t.MinAnnounce > 0 ? DateTimeOffset.FromUnixTimeSeconds(t.MinAnnounce) : null,
        t.Fails,
        t.Source,
        t.Verified != 0,
        t.Updating != 0,
        t.ScrapeComplete,
        t.ScrapeIncomplete,
        t.ScrapeDownloaded);

    private static IPEndPoint Endpoint(nint address, int port) =>
        new(IPAddress.TryParse(NativeText.Read(address), out var ip) ? ip : IPAddress.None, port);
}
