namespace TorrentCluster.Abstractions.Torrents;

/// <summary>An IP address (text) and port.</summary>
[GenerateSerializer, Immutable]
public sealed record PeerEndpoint([property: Id(0)] string Address, [property: Id(1)] int Port);
