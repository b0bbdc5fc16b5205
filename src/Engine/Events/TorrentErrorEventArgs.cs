namespace TorrentCluster.Engine;

/// <summary>A torrent failed: libtorrent's message and error value.</summary>
public sealed class TorrentErrorEventArgs(InfoHashes infoHashes, string message, int errorCode) : TorrentEventArgs(infoHashes)
{
    /// <summary>What went wrong, in libtorrent's words.</summary>
    public string Message { get; } = message;

    /// <summary>libtorrent's error value.</summary>
    public int ErrorCode { get; } = errorCode;
}
