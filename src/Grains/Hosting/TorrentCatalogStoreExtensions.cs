using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using StackExchange.Redis;
using TorrentCluster.Grains.Catalog;

namespace TorrentCluster.Grains.Hosting;

/// <summary>Chooses where the torrent catalog lives; a silo needs exactly one, beside its grain storage.</summary>
public static class TorrentCatalogStoreExtensions
{
    /// <summary>The catalog as journal files in <paramref name="folder"/> (one process, state on local disk).</summary>
    public static ISiloBuilder AddJournalTorrentCatalog(this ISiloBuilder silo, string folder)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton<ITorrentCatalogStore>(new JournalCatalogStore(folder));
        return silo;
    }

    /// <summary>The catalog as Redis hashes, reached with the cluster's own Redis settings, under its service id.</summary>
    public static ISiloBuilder AddRedisTorrentCatalog(this ISiloBuilder silo, ConfigurationOptions redis)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton<ITorrentCatalogStore>(provider => new RedisCatalogStore(
            redis, provider.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
        return silo;
    }
}
