namespace TorrentCluster.Engine;

/// <summary>Which BitTorrent metadata versions a created torrent carries.</summary>
public enum TorrentVersion
{
    /// <summary>Both v1 and v2: readable by every client, and by v2 clients with per-file hashes.</summary>
    Hybrid,

    /// <summary>v1 only (BEP 3): for clients that do not know v2, such as aria2 1.36 or Transmission 3.</summary>
    V1,

    /// <summary>v2 only (BEP 52).</summary>
    V2,
}
