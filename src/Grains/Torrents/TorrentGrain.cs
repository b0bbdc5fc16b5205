using Microsoft.Extensions.Logging;
using TorrentCluster.Abstractions.Errors;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Engine;
using TorrentCluster.Grains.Engine;
using TorrentCluster.Grains.Hosting;
using TorrentCluster.Grains.Persistence;
using TorrentCluster.Grains.Placement;
using TorrentCluster.Grains.Storage;

namespace TorrentCluster.Grains.Torrents;

/// <summary>
/// One torrent of the cluster. While it exists it is always active (never collected as idle) and attached to
/// the engine of the silo it lives on; it detaches, saving resume data, when it deactivates or is removed.
/// </summary>
[CollectionAgeLimit(AlwaysActive = true)]
[BalancedTorrentPlacement]
internal sealed partial class TorrentGrain(
    [PersistentState("torrent", StorageNames.Cluster)] IPersistentState<TorrentRecord> record,
    TorrentEngine engine,
    ResumeDataStore resumeData,
    MetainfoStore metainfo,
    ShutdownResumeData shutdownSave,
    HostedTorrentRegistry registry,
    SiloPeerCache peers,
    StorageRoots roots,
    ILocalSiloDetails silo,
    ILogger<TorrentGrain> logger) : Grain, ITorrentGrain
{
    private static readonly TimeSpan ResumeDataTimeout = TimeSpan.FromSeconds(10);

    private Torrent? _torrent;
    private string? _attachError;

    private string Key => this.GetPrimaryKeyString();

    private ITorrentCatalogGrain Catalog => GrainFactory.GetGrain<ITorrentCatalogGrain>(TorrentCatalog.ShardOf(Key));

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!record.State.Exists)
        {
            return;
        }

        // From this silo's disk; else (failover without the home's disk) the record's magnet link, and the swarm.
        var torrentFile = metainfo.TryRead(Key) ?? record.State.TorrentFile;
        await AttachAsync(torrentFile, resumeData.TryRead(Key));
        await KeepMetainfoAsync(cancellationToken);
        if (record.State.HomeSilo != silo.Name)
        {
            // Placed away from its home: the home is gone for good (or never was), so the data now lives here.
            LogRehomed(Key, record.State.HomeSilo ?? "(none)", silo.Name);
            record.State.HomeSilo = silo.Name;
            await record.WriteStateAsync(cancellationToken);
            await Catalog.RegisterAsync(Key, silo.Name);
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_torrent is null)
        {
            return;
        }

        // At shutdown one bulk pass has saved every changed torrent already (the session is paused since).
        if (reason.ReasonCode != DeactivationReasonCode.ShuttingDown || !shutdownSave.Covers(Key))
        {
            await SaveResumeDataAsync(cancellationToken);
        }

        // Removed one by one even at shutdown, though the session goes away as a whole after the grains: libtorrent
        // 2.0.8 tears down torrents removed in one burst (or by the session's own teardown) in superlinear time
        // (measured: 10,000 in 4.3 s, 20,000 in 16-23 s), while removals paced by the grains' deactivation stay near
        // linear (1.8 s and 9.8 s).
        Detach(deleteFiles: false);
    }

    public async Task<InfoHashPair> AddAsync(AddTorrentCommand command)
    {
        if (record.State.Exists)
        {
            throw new TorrentClusterException(ClusterErrorCode.TorrentExists, $"Torrent {Key} already exists");
        }

        AddCommandValidation.Validate(command);
        var savePath = roots.Resolve(command.SavePath, "save_path");
        var added = new TorrentRecord
        {
            Exists = true,
            MagnetUri = command.MagnetUri,
            SavePath = command.SavePath,
            Paused = command.Paused,
            Name = command.Name,
            Trackers = [.. command.Trackers],
            UploadLimit = command.UploadLimit,
            DownloadLimit = command.DownloadLimit,
            MaxConnections = command.MaxConnections,
            MaxUploads = command.MaxUploads,
            Category = command.Category,
            Tags = [.. command.Tags.Distinct(StringComparer.Ordinal)],
            Metadata = new Dictionary<string, string>(command.Metadata, StringComparer.Ordinal),
            UrlSeeds = [.. command.UrlSeeds],
            HttpSeeds = [.. command.HttpSeeds],
            AllocateFiles = command.AllocateFiles,
            AddedAt = DateTimeOffset.UtcNow,
            HomeSilo = silo.Name,
        };

        var torrent = await EngineErrors.CallAsync(Key, () => engine.AddAsync(EngineRequest(added, command.TorrentFile, resume: null, savePath)));
        var infoHash = torrent.InfoHashes.ToPair();
        if (infoHash.Canonical != Key)
        {
            EngineErrors.Call(Key, () => engine.Remove(torrent, deleteFiles: false));
            torrent.Dispose();
            throw new TorrentClusterException(
                ClusterErrorCode.InvalidArgument, $"Torrent {infoHash.Canonical} cannot be stored under key {Key}");
        }

        _torrent = torrent;
        _attachError = null;
        var registered = false;
        var written = false;
        try
        {
            added.InfoHash = infoHash;
            if (command.TorrentFile is { } file)
            {
                // On this silo's disk, durably, before the add answers; the record keeps a magnet link instead.
                added.MagnetUri = EngineErrors.Call(Key, () => SwarmMagnet.Of(file));
                await metainfo.WriteAsync(Key, file, CancellationToken.None);
            }

            // The catalog before the record: an entry whose record was never written is found stale and dropped by
            // the next reactivation pass, while a record without its entry would be a torrent no pass starts again.
            await Catalog.RegisterAsync(Key, silo.Name);
            registered = true;
            record.State = added;
            await record.WriteStateAsync();
            written = true;
            if (infoHash is { V1: not null, V2: not null })
            {
                await GrainFactory.GetGrain<IInfoHashAliasGrain>(infoHash.V2).SetCanonicalAsync(Key);
            }
        }
        catch
        {
            // Nothing half-added: the engine lets go of the torrent, and neither record, entry nor metainfo stays.
            Detach(deleteFiles: false);
            if (command.TorrentFile is not null)
            {
                metainfo.Delete(Key);
            }

            record.State = new TorrentRecord();
            await UndoPersistedAsync(registered, written);
            throw;
        }

        registry.Attach(Hosted(torrent));
        LogAdded(Key, savePath);
        return infoHash;
    }

    // Best effort: the store that refused one write may refuse these too (Redis down), and then the order above
    // leaves at most a stale catalog entry, which reactivation drops.
    private async Task UndoPersistedAsync(bool registered, bool written)
    {
        try
        {
            if (written)
            {
                await record.ClearStateAsync();
            }

            if (registered)
            {
                await Catalog.UnregisterAsync(Key);
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogUndoFailed(Key, exception.Message);
        }
    }

    public Task<bool> ExistsAsync()
    {
        if (!record.State.Exists)
        {
            DeactivateOnIdle();
        }

        return Task.FromResult(record.State.Exists);
    }

    public Task<TorrentSummary> GetSummaryAsync()
    {
        var torrent = RequireTorrent();
        var hosted = registry.Find(Key) ?? Hosted(torrent);
        var status = EngineErrors.Call(Key, () => hosted.StatusFrom(engine.StatusSnapshot));
        return Task.FromResult(status.ToSummary(hosted, silo.Name));
    }

    public Task<TorrentPeers> GetPeersAsync()
    {
        RequireTorrent();
        return Task.FromResult(new TorrentPeers(silo.Name, peers.Of(Key)));
    }

    public Task AddPeersAsync(IReadOnlyList<PeerEndpoint> peers)
    {
        var torrent = RequireTorrent();
        // As Porla (torrentspeersadd.cpp): a peer that cannot be an endpoint is passed over, the others are
        // still tried; a client pasting a list of peers gets the good ones connected.
        foreach (var peer in peers)
        {
            if (PeerEndpoints.TryParse(peer, out var endpoint))
            {
                EngineErrors.Call(Key, () => torrent.ConnectPeer(endpoint));
            }
        }

        return Task.CompletedTask;
    }

    public async Task PauseAsync()
    {
        var torrent = RequireTorrent();
        EngineErrors.Call(Key, torrent.Pause);
        await SetPausedAsync(true);
    }

    public async Task ResumeAsync()
    {
        var torrent = RequireTorrent();
        EngineErrors.Call(Key, torrent.Resume);
        await SetPausedAsync(false);
    }

    public async Task RemoveAsync(bool removeData)
    {
        RequireExisting();
        Detach(deleteFiles: removeData);
        resumeData.Delete(Key);
        metainfo.Delete(Key);
        await Catalog.UnregisterAsync(Key);
        if (record.State.InfoHash is { V1: not null, V2: { } v2 })
        {
            await GrainFactory.GetGrain<IInfoHashAliasGrain>(v2).ClearAsync();
        }

        await record.ClearStateAsync();
        record.State = new TorrentRecord();
        LogRemoved(Key, removeData);
        DeactivateOnIdle();
    }

    private async Task SetPausedAsync(bool paused)
    {
        if (record.State.Paused != paused)
        {
            record.State.Paused = paused;
            await record.WriteStateAsync();
        }
    }

    // One record, one engine request: adding and reactivating ask the engine for the same torrent, at the save
    // path this silo resolved from the record's (its first storage root when the record names none), by its
    // metainfo when this silo has it, by the record's magnet link when not.
    private static AddTorrentRequest EngineRequest(TorrentRecord torrent, byte[]? torrentFile, byte[]? resume, string savePath) => new()
    {
        TorrentFile = torrentFile,
        MagnetUri = torrentFile is null ? torrent.MagnetUri : null,
        ResumeData = resume,
        SavePath = savePath,
        Name = torrent.Name,
        Trackers = torrent.Trackers,
        UrlSeeds = torrent.UrlSeeds,
        HttpSeeds = torrent.HttpSeeds,
        Paused = torrent.Paused,
        UploadLimit = torrent.UploadLimit,
        DownloadLimit = torrent.DownloadLimit,
        MaxConnections = torrent.MaxConnections,
        MaxUploads = torrent.MaxUploads,
        AllocateFiles = torrent.AllocateFiles,
    };

    private async Task AttachAsync(byte[]? torrentFile, byte[]? resume)
    {
        try
        {
            // Checked again on every attach: this silo's roots may differ from those of the silo that took the add
            // (failover), and a link may have changed since.
            var savePath = roots.Resolve(record.State.SavePath, "save_path");
            _torrent = await engine.AddAsync(EngineRequest(record.State, torrentFile, resume, savePath));
        }
        catch (TorrentClusterException exception)
        {
            _attachError = exception.Message;
            LogAttachFailed(Key, exception.Message);
            return;
        }
        catch (InvalidResumeDataException exception) when (resume is not null)
        {
            // Damaged resume data costs a re-check, never the torrent.
            LogResumeDataRejected(Key, exception.Message);
            await AttachAsync(torrentFile, resume: null);
            return;
        }
        catch (InvalidTorrentException exception) when (torrentFile is not null)
        {
            // A damaged metainfo file costs a fetch from the swarm (or the resume data's copy), never the torrent.
            LogMetainfoRejected(Key, exception.Message);
            metainfo.Delete(Key);
            await AttachAsync(torrentFile: null, resume);
            return;
        }
        catch (DuplicateTorrentException)
        {
            // A previous activation's removal has not completed yet: adopt the torrent instead of failing.
            _torrent = engine.Find(Key);
        }
        catch (TorrentEngineException exception)
        {
            _attachError = exception.Message;
            LogAttachFailed(Key, exception.Message);
            return;
        }

        if (_torrent is not null)
        {
            registry.Attach(Hosted(_torrent));
        }
    }

    private void Detach(bool deleteFiles)
    {
        registry.Detach(Key);
        if (_torrent is null)
        {
            return;
        }

        var torrent = _torrent;
        try
        {
            EngineErrors.Call(Key, () => engine.Remove(torrent, deleteFiles));
        }
        catch (TorrentClusterException exception) when (exception.Code == ClusterErrorCode.TorrentNotFound)
        {
            // Already gone from the engine; nothing to let go of.
        }

        _torrent.Dispose();
        _torrent = null;
    }

    private async Task SaveResumeDataAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ResumeDataTimeout);
        try
        {
            var data = await engine.SaveResumeDataAsync(_torrent!, timeout.Token);
            await resumeData.WriteAsync(Key, data, CancellationToken.None);
        }
        catch (Exception exception) when (exception is TorrentEngineException or OperationCanceledException or IOException)
        {
            // The last periodic save still stands; the next activation re-checks what changed since.
            LogResumeDataNotSaved(Key, exception.Message);
        }
    }

    private void RequireExisting()
    {
        if (!record.State.Exists)
        {
            DeactivateOnIdle();
            throw TorrentClusterException.NotFound(Key);
        }
    }

    private Torrent RequireTorrent()
    {
        RequireExisting();
        return _torrent ?? throw new TorrentClusterException(
            ClusterErrorCode.EngineFailure, $"Torrent {Key} could not be started on silo {silo.Name}: {_attachError}");
    }

    // The info-hash text once per torrent: the registry's key, the hosted entry and the record take the engine's
    // instance (its status snapshot and the Torrent share it), not the copies the grain key and a record read from
    // storage make of the same text. So does the home silo's name, the same for every torrent of this silo.
    private HostedTorrent Hosted(Torrent torrent)
    {
        var infoHash = torrent.InfoHashes.ToPair();
        if (infoHash.Equals(record.State.InfoHash))
        {
            record.State.InfoHash = infoHash;
        }

        if (record.State.HomeSilo == silo.Name)
        {
            record.State.HomeSilo = silo.Name;
        }

        var key = infoHash.Canonical == Key ? infoHash.Canonical : Key;
        return new(key, infoHash, torrent, record.State.AddedAt, record.State.Category, record.State.Tags, record.State.Metadata);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Torrent {InfoHash} moved home from silo {Previous} to {Current}")]
    private partial void LogRehomed(string infoHash, string previous, string current);

    [LoggerMessage(Level = LogLevel.Information, Message = "Torrent {InfoHash} added, saving to {SavePath}")]
    private partial void LogAdded(string infoHash, string savePath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Torrent {InfoHash} removed (data removed: {RemoveData})")]
    private partial void LogRemoved(string infoHash, bool removeData);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resume data of {InfoHash} rejected, re-checking instead: {Reason}")]
    private partial void LogResumeDataRejected(string infoHash, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Torrent {InfoHash} could not be attached to the engine: {Reason}")]
    private partial void LogAttachFailed(string infoHash, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resume data of {InfoHash} not saved on deactivation: {Reason}")]
    private partial void LogResumeDataNotSaved(string infoHash, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Torrent {InfoHash}: a failed add could not take back what it had stored; the next reactivation pass drops it: {Reason}")]
    private partial void LogUndoFailed(string infoHash, string reason);
}
