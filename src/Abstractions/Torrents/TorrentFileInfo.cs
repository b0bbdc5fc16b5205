namespace TorrentCluster.Abstractions.Torrents;

/// <summary>One file of a torrent, with Porla's <c>torrents.files.list</c> fields and our progress and priority.</summary>
[GenerateSerializer, Immutable]
public sealed record TorrentFileInfo
{
    [Id(0)] public int Index { get; init; }
    /// <summary>Path relative to the save path, the torrent's name first.</summary>
    [Id(1)] public required string Path { get; init; }
    [Id(2)] public long Size { get; init; }
    [Id(3)] public long Offset { get; init; }
    /// <summary>Bytes of the file we have, at piece granularity.</summary>
    [Id(4)] public long Downloaded { get; init; }
    /// <summary>0 (skip) to 7.</summary>
    [Id(5)] public int Priority { get; init; }
    /// <summary>libtorrent's file flags: 1 pad file, 2 hidden, 4 executable, 8 symlink.</summary>
    [Id(6)] public int Flags { get; init; }
    [Id(7)] public int NumPieces { get; init; }
    [Id(8)] public int NumBlocks { get; init; }
    [Id(9)] public int FirstPieceNode { get; init; }
    [Id(10)] public int FirstBlockNode { get; init; }
    [Id(11)] public bool AbsolutePath { get; init; }
}
