namespace TorrentCluster.Engine;

/// <summary>A torrent's files now live in <see cref="Path"/>.</summary>
public sealed class StorageMovedEventArgs(InfoHashes infoHashes, string path) : TorrentEventArgs(infoHashes)
{
    /// <summary>The new save path.</summary>
    public string Path { get; } = path;
}
