namespace TorrentCluster.Engine;

/// <summary>The torrents whose status changed since the last update, in bulk.</summary>
public sealed class StatusUpdateEventArgs(IReadOnlyList<TorrentStatus> changed) : EventArgs
{
    /// <summary>Their new statuses.</summary>
    public IReadOnlyList<TorrentStatus> Changed { get; } = changed;
}
