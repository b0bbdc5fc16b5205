using Microsoft.Extensions.Logging;
using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Grains.Telemetry;

/// <summary>Puts the torrent's info-hash and the silo in the log scope of every call to a torrent grain.</summary>
internal sealed class TorrentLogScopeFilter(ILogger<TorrentLogScopeFilter> logger, ILocalSiloDetails silo) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.TargetContext.GrainInstance is not ITorrentGrain)
        {
            await context.Invoke();
            return;
        }

        using (logger.BeginScope(new Dictionary<string, object> { ["InfoHash"] = context.TargetId.Key.ToString()!, ["Silo"] = silo.Name }))
        {
            await context.Invoke();
        }
    }
}
