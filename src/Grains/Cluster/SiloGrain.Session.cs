using System.Text.Json;
using TorrentCluster.Abstractions.Cluster;
using TorrentCluster.Abstractions.Errors;
using TorrentCluster.Engine;
using TorrentCluster.Grains.Torrents;

namespace TorrentCluster.Grains.Cluster;

// The silo's engine as Porla's "session": pause and resume, libtorrent settings, disk space and the overview.
internal sealed partial class SiloGrain
{
    public Task PauseAsync()
    {
        EngineErrors.CallSession(engine.Pause);
        return Task.CompletedTask;
    }

    public Task ResumeAsync()
    {
        EngineErrors.CallSession(engine.Resume);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, string>> GetSettingsAsync(IReadOnlyList<string>? keys)
    {
        var all = EngineErrors.CallSession(engine.GetAllSettings);
        var wanted = keys is null ? all.Keys : keys.Where(all.ContainsKey);
        return Task.FromResult<IReadOnlyDictionary<string, string>>(
            wanted.ToDictionary(key => key, key => JsonLiteral(all[key]), StringComparer.Ordinal));
    }

    public Task ApplySettingsAsync(IReadOnlyDictionary<string, string> settings)
    {
        EngineErrors.CallSession(() => engine.ApplySettings(settings));
        return Task.CompletedTask;
    }

    public Task<DiskSpace> GetDiskSpaceAsync(string? path)
    {
        var target = roots.Resolve(path, "path");
        if (path is not null && !Directory.Exists(target))
        {
            throw new TorrentClusterException(ClusterErrorCode.InvalidArgument, $"No such directory on silo {silo.Name}: {target}");
        }

        var drive = DriveOf(target);
        return Task.FromResult(new DiskSpace(silo.Name, target, drive.AvailableFreeSpace, drive.TotalSize, drive.TotalFreeSpace));
    }

    public Task<TorrentsOverview> GetOverviewAsync()
    {
        var perCategory = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var perState = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var perTag = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var perTracker = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var total = 0L;
        var snapshot = engine.StatusSnapshot;
        foreach (var hosted in registry.All)
        {
            total++;
            if (hosted.Category is { } category)
            {
                Count(perCategory, category);
            }

            // Records stored before tags were checked may hold a null tag; it must not take the overview down.
            foreach (var tag in hosted.Tags.Where(tag => tag is not null))
            {
                Count(perTag, tag);
            }

            var status = hosted.TryStatusFrom(snapshot);
            Count(perState, status is null ? "unknown" : TorrentStateNames.Porla(status.State));
            foreach (var tracker in TryGetTrackers(hosted.Torrent))
            {
                Count(perTracker, tracker.Url);
            }
        }

        return Task.FromResult(new TorrentsOverview
        {
            TorrentsPerCategory = perCategory,
            TorrentsPerState = perState,
            TorrentsPerTag = perTag,
            TorrentsPerTracker = perTracker,
            TorrentsTotal = total,
        });
    }

    private static void Count(SortedDictionary<string, long> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;


    private static IReadOnlyList<TrackerInfo> TryGetTrackers(Torrent torrent)
    {
        try
        {
            return torrent.GetTrackers();
        }
        catch (TorrentEngineException)
        {
            return [];
        }
    }

    private static string JsonLiteral(object value) => value switch
    {
        bool flag => flag ? "true" : "false",
        int number => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => JsonSerializer.Serialize(value.ToString()),
    };
}
