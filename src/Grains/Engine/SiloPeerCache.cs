using TorrentCluster.Abstractions.Fleet;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Engine;
using TorrentCluster.Grains.Torrents;

namespace TorrentCluster.Grains.Engine;

/// <summary>
/// Every connected peer of the silo's torrents, taken from the engine at most once a second and shared by every
/// reader: <c>torrents.peers.list</c> for one torrent and the fleet views alike, so they never disagree and no
/// call crosses into the engine on its own. Torrents without connections (from the bulk status) are skipped.
/// </summary>
public sealed class SiloPeerCache(TorrentEngine engine, HostedTorrentRegistry registry, ILocalSiloDetails silo, TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private Snapshot _current = new(DateTimeOffset.MinValue, [], []);

    /// <summary>Every peer of every torrent of the silo.</summary>
    public IReadOnlyList<FleetPeer> All => Fresh().Peers;

    /// <summary>The peers of one torrent.</summary>
    public IReadOnlyList<PeerDetails> Of(string infoHash) => Fresh().ByTorrent.GetValueOrDefault(infoHash) ?? [];

    // Readers take the published snapshot without a lock; only the one that finds it stale takes the lock and a
    // new one, so at 64 concurrent calls they do not queue on the lock while the snapshot is fresh.
    private Snapshot Fresh()
    {
        var current = Volatile.Read(ref _current);
        if (clock.GetUtcNow() - current.TakenAt < MaxAge)
        {
            return current;
        }

        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (now - _current.TakenAt >= MaxAge)
            {
                Volatile.Write(ref _current, Take(now));
            }

            return _current;
        }
    }

    private Snapshot Take(DateTimeOffset now)
    {
        var statuses = engine.StatusSnapshot;
        var all = new List<FleetPeer>();
        var byTorrent = new Dictionary<string, IReadOnlyList<PeerDetails>>(StringComparer.Ordinal);
        foreach (var hosted in registry.All)
        {
            if (statuses.TryGetValue(hosted.Key, out var status) && status.Connections == 0 && status.NumPeers == 0)
            {
                continue;
            }

            IReadOnlyList<PeerInfo> peers;
            try
            {
                peers = hosted.Torrent.GetPeers();
            }
            catch (Exception exception) when (exception is TorrentEngineException or ObjectDisposedException)
            {
                continue;
            }

            var details = peers.Select(peer => peer.ToDetails()).ToList();
            byTorrent[hosted.Key] = details;
            all.AddRange(details.Select(peer => new FleetPeer(peer, hosted.InfoHash, silo.Name)));
        }

        return new Snapshot(now, all, byTorrent);
    }

    private sealed record Snapshot(DateTimeOffset TakenAt, IReadOnlyList<FleetPeer> Peers, Dictionary<string, IReadOnlyList<PeerDetails>> ByTorrent);
}
