namespace TorrentCluster.Abstractions.Fleet;

/// <summary>A silo's answer to a <see cref="PeerQuery"/>: how many peers match, and the first ones in order.</summary>
[GenerateSerializer, Immutable]
public sealed record PeerPage([property: Id(0)] int Total, [property: Id(1)] IReadOnlyList<FleetPeer> First);
