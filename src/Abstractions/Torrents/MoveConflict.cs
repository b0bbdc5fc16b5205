namespace TorrentCluster.Abstractions.Torrents;

/// <summary>What a move of a torrent's data does with files already at the destination.</summary>
public enum MoveConflict
{
    /// <summary>Keep them and use them as the torrent's files (Porla's default, <c>dont_replace</c>).</summary>
    DontReplace = 0,

    /// <summary>Replace them with the torrent's files (<c>always_replace_files</c>).</summary>
    AlwaysReplace = 1,

    /// <summary>Fail the move if any exists (<c>fail_if_exist</c>).</summary>
    FailIfExists = 2,
}
