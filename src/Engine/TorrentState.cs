namespace TorrentCluster.Engine;

/// <summary>libtorrent's <c>torrent_status::state_t</c>, with its values (Porla reports them as numbers).</summary>
public enum TorrentState
{
    /// <summary>Checking the files on disk against the piece hashes.</summary>
    CheckingFiles = 1,

    /// <summary>Fetching the metadata of a magnet link from peers.</summary>
    DownloadingMetadata = 2,

    /// <summary>Downloading.</summary>
    Downloading = 3,

    /// <summary>Has every wanted piece but not every piece.</summary>
    Finished = 4,

    /// <summary>Has every piece.</summary>
    Seeding = 5,

    /// <summary>Checking resume data.</summary>
    CheckingResumeData = 7,
}
