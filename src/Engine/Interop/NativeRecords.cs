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
        Moving(s, s.DownloadRate),
        Moving(s, s.UploadRate),
        Moving(s, s.DownloadPayloadRate),
        Moving(s, s.UploadPayloadRate),
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

    // libtorrent's rates are moving averages that only decay once the last peer has gone: a finished download still
    // showed 2.5 MB/s two seconds after its seeder left, 0.8 MB/s after seven and 1 KB/s after thirty-six. With no
    // peer connected (web seeds count as peers) nothing moves, so nothing is shown moving.
    private static int Moving(in TcTorrentStatus s, int rate) => s.NumPeers > 0 ? rate : 0;

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

    public static TrackerInfo ToTracker(in TcTrackerEntry t, ReadOnlySpan<TcTrackerAnnounce> announces) => new(
        NativeText.Read(t.Url),
        t.Tier,
        NativeText.ReadOptional(t.Message),
        NativeText.ReadOptional(t.LastError),
        UnixTime(t.NextAnnounce),
        UnixTime(t.MinAnnounce),
        t.Fails,
        t.Source,
        t.Verified != 0,
        t.Updating != 0,
        t.ScrapeComplete,
        t.ScrapeIncomplete,
        t.ScrapeDownloaded)
    {
        TrackerId = NativeText.Read(t.TrackerId),
        FailLimit = t.FailLimit,
        Endpoints = ToEndpoints(announces),
    };

    // The shim lists each endpoint's announces together, v1 then v2: a v1 announce starts the next endpoint.
    private static List<TrackerEndpointInfo> ToEndpoints(ReadOnlySpan<TcTrackerAnnounce> announces)
    {
        var endpoints = new List<TrackerEndpointInfo>();
        for (var i = 0; i < announces.Length;)
        {
            var first = announces[i];
            var versions = new List<TrackerAnnounceInfo> { ToAnnounce(in first) };
            for (i++; i < announces.Length && announces[i].Version != 1; i++)
            {
                versions.Add(ToAnnounce(in announces[i]));
            }

            endpoints.Add(new TrackerEndpointInfo(NativeText.Read(first.LocalAddress), first.LocalPort, first.Enabled != 0, versions));
        }

        return endpoints;
    }

    private static TrackerAnnounceInfo ToAnnounce(in TcTrackerAnnounce a) => new(
        a.Version,
        NativeText.ReadOptional(a.Message),
        NativeText.ReadOptional(a.LastError),
        UnixTime(a.NextAnnounce),
        UnixTime(a.MinAnnounce),
        a.Fails,
        a.Updating != 0,
        a.StartSent != 0,
        a.CompleteSent != 0,
        a.ScrapeComplete,
        a.ScrapeIncomplete,
        a.ScrapeDownloaded);

    private static DateTimeOffset? UnixTime(long seconds) => seconds > 0 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    private static IPEndPoint Endpoint(nint address, int port) =>
        new(IPAddress.TryParse(NativeText.Read(address), out var ip) ? ip : IPAddress.None, port);
}
