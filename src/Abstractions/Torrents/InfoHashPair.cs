namespace TorrentCluster.Abstractions.Torrents;

/// <summary>
/// A torrent's identity as the API shows it: the v1 SHA-1 and the v2 SHA-256 info-hashes, each as lowercase hex
/// or null when the torrent has no such hash. A hybrid torrent has both.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record InfoHashPair([property: Id(0)] string? V1, [property: Id(1)] string? V2)
{
    /// <summary>
    /// The grain key: the v1 hash when the torrent has one, otherwise the v2 hash.
    /// </summary>
    public string Canonical => V1 ?? V2 ?? throw new InvalidOperationException("An info-hash pair needs at least one hash.");

    /// <inheritdoc />
    public override string ToString() => $"[{V1 ?? "null"}, {V2 ?? "null"}]";
}
