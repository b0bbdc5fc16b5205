namespace TorrentCluster.Abstractions.Torrents;

/// <summary>
/// The front door for new torrents: reads the info-hash out of a .torrent file or magnet link with the engine's
/// own parser, then hands the torrent to its <see cref="ITorrentGrain"/>. A stateless worker, so the parsing runs
/// on whichever silo takes the call.
/// </summary>
public interface ITorrentIntakeGrain : IGrainWithIntegerKey
{
    /// <summary>Adds a torrent and returns its info-hash pair.</summary>
    Task<InfoHashPair> AddAsync(AddTorrentCommand command);
}
