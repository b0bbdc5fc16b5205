namespace TorrentCluster.Engine;

/// <summary>What a storage move does with files already at the destination (libtorrent's <c>move_flags_t</c>).</summary>
public enum MoveMode
{
    /// <summary>Replace them with the torrent's files.</summary>
    AlwaysReplaceFiles = 0,

    /// <summary>Fail the move if any exists.</summary>
    FailIfExist = 1,

    /// <summary>Keep them and use them as the torrent's files.</summary>
    DontReplace = 2,
}
