using TorrentCluster.Engine.Interop;

namespace TorrentCluster.Engine;

/// <summary>What a .torrent file or magnet link says about a torrent, read without adding it anywhere.</summary>
public sealed record TorrentMetadata(InfoHashes InfoHashes, string Name, long TotalSize, int NumFiles, int NumPieces, int PieceLength, bool IsPrivate)
{
    /// <summary>Reads a .torrent file.</summary>
    /// <exception cref="InvalidTorrentException">The bytes are not a valid torrent.</exception>
    public static unsafe TorrentMetadata Parse(ReadOnlySpan<byte> torrentFile)
    {
        TcTorrentMeta meta;
        TcError error;
        TcStatus status;
        nint holder;
        fixed (byte* data = torrentFile)
        {
            status = NativeMethods.tc_parse_torrent(data, torrentFile.Length, &meta, out holder, &error);
        }

        NativeErrors.ThrowIfFailed(status, &error);
        return Read(meta, holder);
    }

    /// <summary>
    /// The magnet link a .torrent file stands for: both info-hashes, its name, trackers and web seeds. Enough to
    /// fetch the torrent again from its swarm when its metainfo is gone.
    /// </summary>
    /// <exception cref="InvalidTorrentException">The bytes are not a valid torrent.</exception>
    public static unsafe string MagnetUriOf(ReadOnlySpan<byte> torrentFile)
    {
        TcError error;
        TcStatus status;
        nint buffer;
        fixed (byte* data = torrentFile)
        {
            status = NativeMethods.tc_torrent_file_magnet_uri(data, torrentFile.Length, out buffer, &error);
        }

        NativeErrors.ThrowIfFailed(status, &error);
        return System.Text.Encoding.UTF8.GetString(NativeLists.ReadBuffer(buffer));
    }

    /// <summary>Reads a magnet link.</summary>
    /// <exception cref="InvalidMagnetException">The link does not parse or names no info-hash.</exception>
    public static unsafe TorrentMetadata ParseMagnet(string magnetUri)
    {
        ArgumentNullException.ThrowIfNull(magnetUri);
        TcTorrentMeta meta;
        TcError error;
        var status = NativeMethods.tc_parse_magnet(magnetUri, &meta, out var holder, &error);
        NativeErrors.ThrowIfFailed(status, &error);
        return Read(meta, holder);
    }

    private static TorrentMetadata Read(in TcTorrentMeta meta, nint holder)
    {
        try
        {
            return new TorrentMetadata(
                NativeRecords.ReadHashes(meta.InfoHashV1, meta.InfoHashV2),
                NativeText.Read(meta.Name),
                meta.TotalSize,
                meta.NumFiles,
                meta.NumPieces,
                meta.PieceLength,
                meta.IsPrivate != 0);
        }
        finally
        {
            NativeMethods.tc_meta_holder_free(holder);
        }
    }
}
