namespace TorrentCluster.Grains.Hosting;

/// <summary>
/// Where callers may put torrent data on this silo's disk, bound from <c>TorrentCluster:Storage</c>. Every folder
/// a caller names (<c>torrents.add</c>'s <c>save_path</c>, <c>torrents.move</c>, presets, <c>fs.space</c>) must
/// resolve, symbolic links followed, inside one of <see cref="AllowedRoots"/>.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "TorrentCluster:Storage";

    /// <summary>
    /// The folders callers may write below. The first is where torrents without a save path go and what relative
    /// paths resolve against. Empty: the data folder's <c>downloads</c> (<see cref="SiloEngineOptions.DownloadsPath"/>).
    /// Relative entries resolve against the working directory, as <see cref="SiloEngineOptions.DataPath"/> does.
    /// </summary>
    public List<string> AllowedRoots { get; set; } = [];
}
