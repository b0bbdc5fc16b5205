namespace TorrentCluster.Engine;

/// <summary>
/// One file of a torrent: its path relative to the save path, size, offset in the torrent, bytes we have (at piece
/// granularity), priority 0 (skip) to 7, and flags (1 pad file, 2 hidden, 4 executable, 8 symlink).
/// </summary>
public sealed record TorrentFile(int Index, string Path, long Size, long Offset, long Downloaded, int Priority, int Flags)
{
    /// <summary>Pieces the file touches.</summary>
    public int NumPieces { get; init; }

    /// <summary>16 KiB blocks of the file.</summary>
    public int NumBlocks { get; init; }

    /// <summary>The v2 merkle tree index of the file's first piece; 0 for v1-only torrents.</summary>
    public int FirstPieceNode { get; init; }

    /// <summary>The v2 merkle tree index of the file's first block; 0 for v1-only torrents.</summary>
    public int FirstBlockNode { get; init; }

    /// <summary>True when <see cref="Path"/> is absolute, outside the save path.</summary>
    public bool AbsolutePath { get; init; }
}
