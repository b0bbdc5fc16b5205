using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Engine;
using TorrentCluster.Grains.Engine;

namespace TorrentCluster.Grains.Torrents;

/// <summary>Engine records to wire records.</summary>
internal static class SnapshotMapping
{
    public static InfoHashPair ToPair(this InfoHashes hashes) => new(hashes.V1, hashes.V2);

    public static PeerDetails ToDetails(this PeerInfo peer) => new()
    {
        Client = peer.Client,
        Ip = new PeerEndpoint(peer.Endpoint.Address.ToString(), peer.Endpoint.Port),
        LocalEndpoint = new PeerEndpoint(peer.LocalEndpoint.Address.ToString(), peer.LocalEndpoint.Port),
        BusyRequests = peer.BusyRequests,
        ConnectionType = peer.ConnectionType,
        DownSpeed = peer.DownSpeed,
        UpSpeed = peer.UpSpeed,
        DownloadQueueLength = peer.DownloadQueueLength,
        DownloadQueueTime = peer.DownloadQueueTimeSeconds,
        Flags = peer.Flags,
        LastActive = peer.LastActiveSeconds,
        LastRequest = peer.LastRequestSeconds,
        Progress = peer.Progress,
        Rtt = peer.Rtt,
        Source = peer.Source,
        TotalDownload = peer.TotalDownload,
        TotalUpload = peer.TotalUpload,
        PayloadDownSpeed = peer.PayloadDownSpeed,
        PayloadUpSpeed = peer.PayloadUpSpeed,
    };

    public static TorrentSummary ToSummary(this TorrentStatus status, HostedTorrent hosted, string silo) => new()
    {
        InfoHash = hosted.InfoHash,
        Name = status.Name,
        State = (int)status.State,
        Progress = status.Progress,
        // Porla's list reports libtorrent's rates and totals as they are (torrentslist.cpp); the ETA, like Porla's,
        // reads the wanted bytes and the payload rate.
        DownloadRate = status.DownloadRate,
        UploadRate = status.UploadRate,
        DownloadPayloadRate = status.DownloadPayloadRate,
        Size = status.HasMetadata ? status.TotalSize : -1,
        NumPeers = status.NumPeers,
        NumSeeds = status.NumSeeds,
        SavePath = status.SavePath,
        Silo = silo,
        Paused = status.IsPaused,
        Total = status.Total,
        TotalDone = status.TotalDone,
        TotalWanted = status.TotalWanted,
        TotalWantedDone = status.TotalWantedDone,
        AllTimeDownload = status.AllTimeDownload,
        AllTimeUpload = status.AllTimeUpload,
        ActiveDuration = status.ActiveDurationSeconds,
        FinishedDuration = status.FinishedDurationSeconds,
        SeedingDuration = status.SeedingDurationSeconds,
        LastDownload = status.LastDownloadSeconds,
        LastUpload = status.LastUploadSeconds,
        ListPeers = status.ListPeers,
        ListSeeds = status.ListSeeds,
        NumComplete = status.NumComplete,
        NumIncomplete = status.NumIncomplete,
        QueuePosition = status.QueuePosition,
        MovingStorage = status.Flags.HasFlag(TorrentStatusFlags.MovingStorage),
        Error = status.Error,
        ErrorCode = status.ErrorCode,
        Flags = TorrentFlagNames.SetIn(status.TorrentFlags),
        Category = hosted.Category,
        Tags = hosted.Tags,
        AddedAt = hosted.AddedAt,
        Metadata = hosted.Metadata,
    };
}
