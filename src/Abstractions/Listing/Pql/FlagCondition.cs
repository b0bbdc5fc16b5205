using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Abstractions.Listing.Pql;

/// <summary>PQL's <c>is:</c> flag, with Porla's meaning of each.</summary>
[GenerateSerializer, Immutable]
public sealed record FlagCondition([property: Id(0)] PqlFlagName Flag) : TorrentCondition
{
    // libtorrent's torrent_status::state_t values, which TorrentSummary.State carries as they are.
    private const int Downloading = 3;
    private const int Finished = 4;
    private const int Seeding = 5;

    public override bool Matches(TorrentSummary torrent, DateTimeOffset now) => Flag switch
    {
        PqlFlagName.Downloading => torrent.State == Downloading,
        PqlFlagName.Finished => torrent.State == Finished,
        PqlFlagName.Moving => torrent.MovingStorage,
        PqlFlagName.Paused => torrent.Paused,
        PqlFlagName.Seeding => torrent.State == Seeding,
        _ => false,
    };
}
