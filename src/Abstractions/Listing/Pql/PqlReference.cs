namespace TorrentCluster.Abstractions.Listing.Pql;

/// <summary>The torrent fields a PQL comparison can name, Porla's set (<see cref="PqlReferences"/> has their PQL names and value types).</summary>
public enum PqlReference
{
    /// <summary><c>active_duration</c>: seconds active.</summary>
    ActiveDuration,

    /// <summary><c>age</c>: seconds since it was added.</summary>
    Age,

    /// <summary><c>category</c>: false for a torrent without one.</summary>
    Category,

    /// <summary><c>download_rate</c>: payload bytes per second.</summary>
    DownloadRate,

    /// <summary><c>finished_duration</c>: seconds finished.</summary>
    FinishedDuration,

    /// <summary><c>name</c></summary>
    Name,

    /// <summary><c>progress</c>: 0 to 1.</summary>
    Progress,

    /// <summary><c>ratio</c>: all-time upload over all-time download.</summary>
    Ratio,

    /// <summary><c>save_path</c></summary>
    SavePath,

    /// <summary><c>seeding_duration</c>: seconds seeding.</summary>
    SeedingDuration,

    /// <summary><c>size</c>: bytes of the whole torrent; false before its metadata is known.</summary>
    Size,

    /// <summary><c>tags</c>: only <c>contains</c>.</summary>
    Tags,

    /// <summary><c>upload_rate</c>: payload bytes per second.</summary>
    UploadRate,
}
