using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Abstractions.Events;

/// <summary>
/// Something that happened to torrents of one silo: one torrent for every kind but
/// <see cref="TorrentEventKind.StateUpdate"/>, which names every torrent of one bulk status update.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TorrentEvent([property: Id(0)] TorrentEventKind Kind, [property: Id(1)] IReadOnlyList<InfoHashPair> Torrents);
