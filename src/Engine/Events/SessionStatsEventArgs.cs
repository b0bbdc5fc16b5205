namespace TorrentCluster.Engine;

/// <summary>Fresh session counters and rates.</summary>
public sealed class SessionStatsEventArgs(SessionStats stats) : EventArgs
{
    /// <summary>The counters.</summary>
    public SessionStats Stats { get; } = stats;
}
