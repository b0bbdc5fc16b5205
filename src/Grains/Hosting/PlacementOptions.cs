namespace TorrentCluster.Grains.Hosting;

/// <summary>Where torrents run, bound from <c>TorrentCluster:Placement</c>.</summary>
public sealed class PlacementOptions
{
    public const string SectionName = "TorrentCluster:Placement";

    /// <summary>
    /// How long a torrent whose home silo (the silo holding its data) is gone waits for it before another silo
    /// becomes its home and fetches the data again. A pod that restarts within it loses nothing; zero moves a
    /// torrent as soon as its silo is declared dead.
    /// </summary>
    public TimeSpan RehomeGrace { get; set; } = TimeSpan.FromMinutes(5);
}
