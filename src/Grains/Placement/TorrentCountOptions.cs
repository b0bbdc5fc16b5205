namespace TorrentCluster.Grains.Placement;

/// <summary>
/// How often a silo reads how many torrents every silo hosts, for <see cref="BalancedTorrentPlacementDirector"/>;
/// bound from <c>TorrentCluster:Placement:Counts</c>.
/// </summary>
public sealed class TorrentCountOptions
{
    public const string SectionName = "TorrentCluster:Placement:Counts";

    /// <summary>
    /// Time between two reads of every silo's count. Between reads, placement counts what it placed itself, so a
    /// shorter period only corrects sooner for what other silos placed.
    /// </summary>
    public TimeSpan RefreshPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a read waits for one silo; a silo that does not answer in time keeps its last count.</summary>
    public TimeSpan RefreshTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
