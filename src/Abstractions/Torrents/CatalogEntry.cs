namespace TorrentCluster.Abstractions.Torrents;

/// <summary>
/// A torrent as the catalog knows it: its key, its home silo (where its data lives), and since when it has been
/// waiting for that silo to come back, if it is.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CatalogEntry(
    [property: Id(0)] string InfoHash,
    [property: Id(1)] string? HomeSilo,
    [property: Id(2)] DateTimeOffset? WaitingSince);
