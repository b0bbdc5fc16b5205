namespace TorrentCluster.Engine;

/// <summary>A listen socket announcing to a tracker, with its announce of the v1 info-hash, then of the v2 one.</summary>
public sealed record TrackerEndpointInfo(string LocalAddress, int LocalPort, bool Enabled, IReadOnlyList<TrackerAnnounceInfo> InfoHashes);
