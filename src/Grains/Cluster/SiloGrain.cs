using Orleans.Concurrency;
using TorrentCluster.Abstractions.Cluster;
using TorrentCluster.Abstractions.Fleet;
using TorrentCluster.Abstractions.Listing;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Engine;
using TorrentCluster.Grains.Engine;
using TorrentCluster.Grains.Placement;
using TorrentCluster.Grains.Storage;
using TorrentCluster.Grains.Torrents;

namespace TorrentCluster.Grains.Cluster;

/// <summary>
/// Answers for everything hosted on its silo from the engine's bulk status snapshot: one grain call per silo
/// for a fleet view, never one per torrent.
/// </summary>
[SiloBoundPlacement]
[Reentrant]
internal sealed partial class SiloGrain(
    TorrentEngine engine,
    HostedTorrentRegistry registry,
    SiloTorrentSummaries summaries,
    SiloPeerCache peers,
    EngineStatsHistory history,
    StorageRoots roots,
    ILocalSiloDetails silo) : Grain, ISiloGrain
{
    public Task<TorrentPage> ListTorrentsAsync(TorrentQuery query) =>
        Task.FromResult(summaries.Answer(query) with { Silo = silo.Name });

    public Task<IReadOnlyList<string>> ListTorrentKeysAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. summaries.All.Select(torrent => torrent.InfoHash.Canonical)]);

    public Task<SiloSummary> GetSummaryAsync()
    {
        var stats = engine.Stats;
        var disk = DriveOf(roots.Default);
        return Task.FromResult(new SiloSummary
        {
            Name = silo.Name,
            Address = silo.SiloAddress.ToParsableString(),
            Torrents = registry.Count,
            DownloadRate = stats.PayloadDownloadRate,
            UploadRate = stats.PayloadUploadRate,
            PeersConnected = stats.PeersConnected,
            ListenPort = engine.ListenPort,
            FreeDiskBytes = disk.AvailableFreeSpace,
            TotalDiskBytes = disk.TotalSize,
            Version = typeof(SiloGrain).Assembly.GetName().Version?.ToString() ?? "0.0.0",
            LibtorrentVersion = TorrentEngine.LibtorrentVersion,
            IsPaused = engine.IsPaused,
            IsDhtRunning = engine.IsDhtRunning,
        });
    }

    public Task<PeerPage> ListPeersAsync(PeerQuery query)
    {
        var matches = peers.All.Where(PeerFilter.Matcher(query)).ToList();
        matches.Sort(PeerFilter.Order(query));
        return Task.FromResult(new PeerPage(matches.Count, [.. matches.Take(query.Take)]));
    }

    public Task<PeerSummary> SummarizePeersAsync(PeerGrouping grouping) =>
        Task.FromResult(PeerAggregation.Summarize(peers.All, grouping));

    public Task<SiloStats> GetStatsAsync()
    {
        var stats = engine.Stats;
        return Task.FromResult(new SiloStats
        {
            Silo = silo.Name,
            DownloadRate = stats.PayloadDownloadRate,
            UploadRate = stats.PayloadUploadRate,
            Peers = stats.PeersConnected,
            TorrentsByState = TorrentStateNames.CountByState(registry, engine.StatusSnapshot),
            History = history.Buckets,
        });
    }


    private static DriveInfo DriveOf(string path)
    {
        Directory.CreateDirectory(path);
        return new DriveInfo(Path.GetFullPath(path));
    }
}
