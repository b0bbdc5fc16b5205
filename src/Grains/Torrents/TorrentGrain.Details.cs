using TorrentCluster.Abstractions.Errors;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Engine;

namespace TorrentCluster.Grains.Torrents;

// The per-torrent detail calls of Porla's API (files, pieces, trackers, properties, recheck, move, metadata):
// thin reads and writes of the engine, with what must outlive this silo written to the record.
internal sealed partial class TorrentGrain
{
    public Task<IReadOnlyList<TorrentFileInfo>> GetFilesAsync()
    {
        var torrent = RequireTorrent();
        var files = EngineErrors.Call(Key, torrent.GetFiles);
        return Task.FromResult<IReadOnlyList<TorrentFileInfo>>([.. files.Select(file => new TorrentFileInfo
        {
            Index = file.Index,
            Path = file.Path,
            Size = file.Size,
            Offset = file.Offset,
            Downloaded = file.Downloaded,
            Priority = file.Priority,
            Flags = file.Flags,
            NumPieces = file.NumPieces,
            NumBlocks = file.NumBlocks,
            FirstPieceNode = file.FirstPieceNode,
            FirstBlockNode = file.FirstBlockNode,
            AbsolutePath = file.AbsolutePath,
        })]);
    }

    public Task<TorrentPieces> GetPiecesAsync()
    {
        var torrent = RequireTorrent();
        var pieces = EngineErrors.Call(Key, torrent.GetPieces);
        var bitfield = new byte[(pieces.Length + 7) / 8];
        var have = 0;
        for (var i = 0; i < pieces.Length; i++)
        {
            if (pieces[i])
            {
                bitfield[i / 8] |= (byte)(0x80 >> (i % 8));
                have++;
            }
        }

        return Task.FromResult(new TorrentPieces(pieces.Length, have, bitfield));
    }

    public Task<IReadOnlyList<TrackerEntry>> GetTrackersAsync()
    {
        var torrent = RequireTorrent();
        var trackers = EngineErrors.Call(Key, torrent.GetTrackers);
        return Task.FromResult<IReadOnlyList<TrackerEntry>>([.. trackers.Select(TrackerMapping.ToEntry)]);
    }

    public Task<TorrentProperties> GetPropertiesAsync()
    {
        var torrent = RequireTorrent();
        var limits = EngineErrors.Call(Key, torrent.GetLimits);
        return Task.FromResult(new TorrentProperties
        {
            DownloadLimit = limits.DownloadLimit,
            UploadLimit = limits.UploadLimit,
            MaxConnections = limits.MaxConnections,
            MaxUploads = limits.MaxUploads,
            Flags = EngineErrors.Call(Key, torrent.GetFlags),
        });
    }

    public async Task SetPropertiesAsync(TorrentPropertiesUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var torrent = RequireTorrent();
        // Porla sets the flags it knows and passes over any other name (torrentspropertiesset.cpp), and its
        // clients send what they have; a name this libtorrent build lacks (i2p_torrent before 2.0.9) goes the same way.
        var flags = (update.Flags ?? new Dictionary<string, bool>())
            .Where(flag => TorrentFlagNames.BitOf(flag.Key) != 0)
            .ToDictionary(StringComparer.Ordinal);
        if (flags.Count > 0)
        {
            EngineErrors.Call(Key, () => torrent.SetFlags(flags));
        }

        var current = EngineErrors.Call(Key, torrent.GetLimits);
        var limits = new TorrentLimits(
            update.UploadLimit ?? current.UploadLimit,
            update.DownloadLimit ?? current.DownloadLimit,
            update.MaxConnections ?? current.MaxConnections,
            update.MaxUploads ?? current.MaxUploads);
        EngineErrors.Call(Key, () => torrent.SetLimits(limits));

        // Limits live in the record too: a torrent re-added on another silo (failover) keeps them.
        var state = record.State;
        state.UploadLimit = limits.UploadLimit;
        state.DownloadLimit = limits.DownloadLimit;
        state.MaxConnections = limits.MaxConnections;
        state.MaxUploads = limits.MaxUploads;
        if (flags.TryGetValue("paused", out var paused))
        {
            state.Paused = paused;
        }

        await record.WriteStateAsync();
    }

    public Task RecheckAsync()
    {
        var torrent = RequireTorrent();
        EngineErrors.Call(Key, torrent.ForceRecheck);
        return Task.CompletedTask;
    }

    public async Task MoveAsync(string path, MoveConflict conflict)
    {
        var torrent = RequireTorrent();
        var target = roots.Resolve(path, "path");
        var mode = MoveModes.Of(conflict);
        EngineErrors.Call(Key, () => torrent.MoveStorage(target, mode));
        // The caller's path, not this silo's resolution of it: a relative one lands under the first root of
        // whichever silo hosts the torrent after a failover, and each attach checks it again.
        record.State.SavePath = path;
        await record.WriteStateAsync();
    }

    public Task<IReadOnlyDictionary<string, string>> GetMetadataAsync()
    {
        RequireExisting();
        return Task.FromResult<IReadOnlyDictionary<string, string>>(record.State.Metadata);
    }
}
