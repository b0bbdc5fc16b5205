namespace TorrentCluster.Engine;

/// <summary>Something happened to a torrent.</summary>
public class TorrentEventArgs(InfoHashes infoHashes) : EventArgs
{
    /// <summary>Which torrent.</summary>
    public InfoHashes InfoHashes { get; } = infoHashes;
}
