namespace TorrentCluster.Abstractions.Listing.Pql;

/// <summary>The flags PQL's <c>is:</c> knows, Porla's set.</summary>
public enum PqlFlagName
{
    /// <summary><c>is:downloading</c>: libtorrent's state is downloading.</summary>
    Downloading,

    /// <summary><c>is:finished</c>: every wanted piece, not every piece.</summary>
    Finished,

    /// <summary><c>is:moving</c>: its storage is being moved.</summary>
    Moving,

    /// <summary><c>is:paused</c>: the paused flag is set.</summary>
    Paused,

    /// <summary><c>is:seeding</c>: libtorrent's state is seeding.</summary>
    Seeding,
}
