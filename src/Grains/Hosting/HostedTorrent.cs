using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Engine;

namespace TorrentCluster.Grains.Hosting;

/// <summary>A torrent attached to this silo's engine, with what the cluster knows of it beyond libtorrent.</summary>
public sealed record HostedTorrent(
    string Key,
    InfoHashPair InfoHash,
    Torrent Torrent,
    DateTimeOffset AddedAt,
    string? Category,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Metadata);
