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
    Task<bool> ExistsAsync();

    /// <summary>The torrent's current status.</summary>
    Task<TorrentSummary> GetSummaryAsync();

    /// <summary>Connected peers, from the silo's peer snapshot, at most a second old.</summary>
    /// <remarks>
    /// Interleaved with every other call: it only reads the silo's shared snapshot, so the hottest read of the API
    /// never queues behind another reader or behind a turn that awaits storage or the engine.
    /// </remarks>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<TorrentPeers> GetPeersAsync();

    /// <summary>Tells the engine about peers to connect to.</summary>
    Task AddPeersAsync(IReadOnlyList<PeerEndpoint> peers);

    /// <summary>Stops transferring, durably: a paused torrent stays paused across restarts.</summary>
    Task PauseAsync();

    /// <summary>Starts transferring again.</summary>
    Task ResumeAsync();

    /// <summary>Removes the torrent from the cluster, deleting its data when asked.</summary>
    Task RemoveAsync(bool removeData);

    /// <summary>The torrent's files; empty before a magnet's metadata arrives.</summary>
    Task<IReadOnlyList<TorrentFileInfo>> GetFilesAsync();

    /// <summary>Which pieces the torrent has.</summary>
    Task<TorrentPieces> GetPiecesAsync();

    /// <summary>The torrent's trackers.</summary>
    Task<IReadOnlyList<TrackerEntry>> GetTrackersAsync();

    /// <summary>Limits and libtorrent flags.</summary>
    Task<TorrentProperties> GetPropertiesAsync();

    /// <summary>Changes limits and flags; limits are kept in the cluster, so they survive a move to another silo.</summary>
    Task SetPropertiesAsync(TorrentPropertiesUpdate update);

    /// <summary>Checks every piece on disk again.</summary>
    Task RecheckAsync();

    /// <summary>Moves the data to another folder of the hosting silo; <paramref name="conflict"/> says what to do with files already there.</summary>
    Task MoveAsync(string path, MoveConflict conflict);

    /// <summary>The caller's metadata: keys with raw JSON values, as given to <c>torrents.add</c>.</summary>
    Task<IReadOnlyDictionary<string, string>> GetMetadataAsync();
}
