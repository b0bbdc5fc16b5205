namespace TorrentCluster.Abstractions.Torrents;

/// <summary>
/// One torrent of the cluster, keyed by its canonical info-hash (<see cref="InfoHashPair.Canonical"/>). It owns
/// the torrent in the engine of the silo where it is active and keeps it running without callers.
/// </summary>
public interface ITorrentGrain : IGrainWithStringKey
{
    /// <summary>Adds the torrent to the cluster; fails with TorrentExists when it is there already.</summary>
    Task<InfoHashPair> AddAsync(AddTorrentCommand command);

    /// <summary>Makes sure the torrent is running; false when no such torrent exists.</summary>
    Task<bool> EnsureActiveAsync();

    /// <summary>The torrent's current status.</summary>
    Task<TorrentSummary> GetSummaryAsync();

    /// <summary>Connected peers, from the silo's peer snapshot, at most a second old.</summary>
    Task<TorrentPeers> GetPeersAsync();

    /// <summary>Tells the engine about peers to connect to.</summary>
    Task AddPeersAsync(IReadOnlyList<PeerEndpoint> peers);

    /// <summary>Stops transferring, durably: a paused torrent stays paused across restarts.</summary>
    Task PauseAsync();

    /// <summary>Starts transferring again.</summary>
    Task ResumeAsync();

    /// <summary>Removes the torrent from the cluster, deleting its data when asked.</summary>
    Task RemoveAsync(bool removeData);
}
