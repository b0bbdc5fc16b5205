using Orleans.Concurrency;
using TorrentCluster.Abstractions.Errors;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Engine;
using TorrentCluster.Grains.Placement;

namespace TorrentCluster.Grains.Torrents;

/// <summary>
/// Reads a new torrent's info-hash with libtorrent's own parser (so what the engine accepts and what the cluster
/// keys by can never disagree) and hands it to its grain.
/// Reentrant: a stateless worker takes one call at a time by default and Orleans keeps only as many workers a silo
/// as it has cores, so a worker that waited out each whole add (engine, metainfo on disk, the catalog's and the
/// record's durable writes) let a silo have two adds in flight: adds then ran at two per write latency, about
/// 220 a second on a Redis cluster whose every write waits for an fsync. The parse is the only work done here, and
/// it takes one turn; the waiting interleaves.
/// </summary>
[StatelessWorker]
[Reentrant]
internal sealed class TorrentIntakeGrain : Grain, ITorrentIntakeGrain
{
    public async Task<InfoHashPair> AddAsync(AddTorrentCommand command)
    {
        AddCommandValidation.Validate(command);
        var metadata = Parse(command);
        var key = await CanonicalKeyAsync(metadata.InfoHashes.ToPair());
        // A chosen silo (Porla's session) places the new grain there; without one, placement balances.
        return await TargetSilo.CallAsync(command.Silo, () => GrainFactory.GetGrain<ITorrentGrain>(key).AddAsync(command));
    }

    private static TorrentMetadata Parse(AddTorrentCommand command)
    {
        try
        {
            return command.TorrentFile is { } file
                ? TorrentMetadata.Parse(file)
                : TorrentMetadata.ParseMagnet(command.MagnetUri!);
        }
        catch (TorrentEngineException exception)
        {
            throw EngineErrors.Translate(exception, "(new)");
        }
    }

    // A v2-only link to a hybrid torrent must find the grain keyed by its v1 hash.
    private async Task<string> CanonicalKeyAsync(InfoHashPair infoHash)
    {
        if (infoHash.V1 is null && infoHash.V2 is { } v2)
        {
            return await GrainFactory.GetGrain<IInfoHashAliasGrain>(v2).GetCanonicalAsync() ?? v2;
        }

        return infoHash.Canonical;
    }
}
