using TorrentCluster.Abstractions.Cluster;

namespace TorrentCluster.Gateway.Methods.Sessions;

/// <summary>
/// One session, which in TorrentCluster is one silo's engine: Porla's fields (name to torrents_total), then the
/// silo's own numbers.
/// </summary>
public sealed record SessionItem(
    string Name,
    bool IsDhtRunning,
    bool IsListening,
    bool IsPaused,
    int TorrentsTotal,
    string Address,
    long DownloadRate,
    long UploadRate,
    long Peers,
    int ListenPort,
    long FreeDisk,
    long TotalDisk)
{
    public static SessionItem From(SiloSummary silo) => new(
        silo.Name,
        silo.IsDhtRunning,
        silo.ListenPort > 0,
        silo.IsPaused,
        silo.Torrents,
        silo.Address,
        silo.DownloadRate,
        silo.UploadRate,
        silo.PeersConnected,
        silo.ListenPort,
        silo.FreeDiskBytes,
        silo.TotalDiskBytes);
}

/// <summary>Parameters naming one session (silo), or none for every session.</summary>
public sealed record SessionNameParams
{
    public string? Name { get; init; }
}
