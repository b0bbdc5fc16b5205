namespace TorrentCluster.Engine;

/// <summary>A torrent's v1 (SHA-1) and v2 (SHA-256) info-hashes as lowercase hex, each null when absent.</summary>
public readonly record struct InfoHashes(string? V1, string? V2)
{
    /// <summary>The v1 hash when the torrent has one, else the v2 hash: how the cluster keys a torrent.</summary>
    public string Canonical => V1 ?? V2 ?? throw new InvalidOperationException("A torrent has a v1 or a v2 info-hash.");

    /// <summary>True when neither hash is known.</summary>
    public bool IsEmpty => V1 is null && V2 is null;
}
