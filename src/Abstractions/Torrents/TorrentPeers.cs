namespace TorrentCluster.Abstractions.Torrents;

/// <summary>A torrent's connected peers and the silo that sees them.</summary>
[GenerateSerializer, Immutable]
public sealed record TorrentPeers([property: Id(0)] string Silo, [property: Id(1)] IReadOnlyList<PeerDetails> Peers);
