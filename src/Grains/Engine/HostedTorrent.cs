using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Engine;

namespace TorrentCluster.Grains.Engine;

/// <summary>A torrent attached to this silo's engine, with what the cluster knows of it beyond libtorrent.</summary>
public sealed record HostedTorrent(
    string Key,
    InfoHashPair InfoHash,
    Torrent Torrent,
    DateTimeOffset AddedAt,
    string? Category,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>
    /// Its status from the engine's bulk snapshot, or read from the engine for a torrent added since the last bulk
    /// update; throws as the engine does when the torrent is gone.
    /// </summary>
    public TorrentStatus StatusFrom(IReadOnlyDictionary<string, TorrentStatus> snapshot) =>
        snapshot.GetValueOrDefault(Key) ?? Torrent.GetStatus();

    /// <summary>As <see cref="StatusFrom"/>, but null when the torrent is gone, for views that skip it.</summary>
    public TorrentStatus? TryStatusFrom(IReadOnlyDictionary<string, TorrentStatus> snapshot)
    {
        try
        {
            return StatusFrom(snapshot);
        }
        catch (Exception exception) when (exception is TorrentEngineException or ObjectDisposedException)
        {
            return null;
        }
    }
}
