using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Abstractions.Fleet;

/// <summary>A connected peer of one torrent on one silo.</summary>
[GenerateSerializer, Immutable]
public sealed record FleetPeer(
    [property: Id(0)] PeerDetails Peer,
    [property: Id(1)] InfoHashPair InfoHash,
    [property: Id(2)] string Silo);
