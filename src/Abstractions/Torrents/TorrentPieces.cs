namespace TorrentCluster.Abstractions.Torrents;

/// <summary>Which pieces a torrent has: a BitTorrent bitfield (first piece in the high bit of the first byte).</summary>
[GenerateSerializer, Immutable]
public sealed record TorrentPieces(
    [property: Id(0)] int NumPieces,
    [property: Id(1)] int Have,
    [property: Id(2)] byte[] Bitfield);
