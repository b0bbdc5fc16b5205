namespace TorrentCluster.Bench.EngineThroughput;

/// <summary>One download: how long it took, its rate and the downloader's peak resident memory.</summary>
internal sealed record DownloadRun(double Seconds, double MegabytesPerSecond, double PeakMib);
