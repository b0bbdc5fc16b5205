namespace TorrentCluster.Engine;

/// <summary>
/// One file of a torrent: its path relative to the save path, size, offset in the torrent, bytes we have (at piece
/// granularity), priority 0 (skip) to 7, and flags (1 pad file, 2 hidden, 4 executable, 8 symlink).
/// </summary>
public sealed record TorrentFile(int Index, string Path, long Size, long Offset, long Downloaded, int Priority, int Flags);
