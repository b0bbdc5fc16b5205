namespace TorrentCluster.Abstractions.Events;

/// <summary>What happened to the torrents of a <see cref="TorrentEvent"/>; each has one of Porla's event names.</summary>
public enum TorrentEventKind
{
    /// <summary>Added to the silo's engine (Porla: <c>torrent_added</c>), also when a silo takes a torrent over.</summary>
    Added = 0,

    /// <summary>Gone from the silo's engine (<c>torrent_removed</c>), also when the torrent moves to another silo.</summary>
    Removed = 1,

    /// <summary>Paused (<c>torrent_paused</c>).</summary>
    Paused = 2,

    /// <summary>Resumed (<c>torrent_resumed</c>).</summary>
    Resumed = 3,

    /// <summary>Has every wanted piece (<c>torrent_finished</c>).</summary>
    Finished = 4,

    /// <summary>The status of these torrents changed, their state or their numbers (<c>state_update</c>).</summary>
    StateUpdate = 5,
}
