using Microsoft.Extensions.Logging;
using TorrentCluster.Engine;

namespace TorrentCluster.Grains.Torrents;

// A torrent's metainfo lives on the disk of the silo hosting it (MetainfoStore), never in its record: the engine
// holds the one copy in memory, cluster storage holds a magnet link.
internal sealed partial class TorrentGrain
{
    private async Task KeepMetainfoAsync(CancellationToken cancellationToken)
    {
        if (record.State.TorrentFile is { } legacy)
        {
            // A record written before the metainfo moved to disk: its bytes go there and the record sheds them.
            if (!await TryWriteMetainfoAsync(legacy, cancellationToken))
            {
                return;
            }

            record.State.MagnetUri ??= SwarmMagnet.Of(legacy);
            record.State.TorrentFile = null;
            await record.WriteStateAsync(cancellationToken);
            LogMetainfoMovedToDisk(Key);
            return;
        }

        if (metainfo.Contains(Key))
        {
            return;
        }

        // Attached without a file here (from resume data that holds the info dictionary, or as a magnet): once the
        // engine has the metadata, this silo keeps it. A magnet still waiting for it gets it kept by
        // MetainfoPersister when it arrives.
        byte[] torrentFile;
        try
        {
            torrentFile = _torrent?.GetTorrentFile() ?? [];
        }
        catch (TorrentEngineException)
        {
            return;
        }

        if (torrentFile.Length > 0)
        {
            await TryWriteMetainfoAsync(torrentFile, cancellationToken);
        }
    }

    private async Task<bool> TryWriteMetainfoAsync(byte[] torrentFile, CancellationToken cancellationToken)
    {
        try
        {
            await metainfo.WriteAsync(Key, torrentFile, cancellationToken);
            return true;
        }
        catch (IOException exception)
        {
            LogMetainfoNotWritten(Key, exception.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Metainfo of {InfoHash} moved from its record to this silo's disk")]
    private partial void LogMetainfoMovedToDisk(string infoHash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metainfo of {InfoHash} on this silo's disk rejected, adding it by its magnet link instead: {Reason}")]
    private partial void LogMetainfoRejected(string infoHash, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metainfo of {InfoHash} not written to this silo's disk, the next activation tries again: {Reason}")]
    private partial void LogMetainfoNotWritten(string infoHash, string reason);
}
