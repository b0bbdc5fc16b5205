namespace TorrentCluster.Engine;

/// <summary>Per-torrent limits: rates in bytes per second; -1 (or 0 when setting) means unlimited.</summary>
public sealed record TorrentLimits(int UploadLimit, int DownloadLimit, int MaxConnections, int MaxUploads);
