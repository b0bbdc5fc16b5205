namespace TorrentCluster.Engine;

/// <summary>A torrent moved from one state to another.</summary>
public sealed class StateChangedEventArgs(InfoHashes infoHashes, TorrentState state, TorrentState previous) : TorrentEventArgs(infoHashes)
{
    /// <summary>The new state.</summary>
    public TorrentState State { get; } = state;

    /// <summary>The state before.</summary>
    public TorrentState Previous { get; } = previous;
}
