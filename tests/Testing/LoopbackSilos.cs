using Orleans.Hosting;
using TorrentCluster.Grains.Hosting;

namespace TorrentCluster.Testing;

/// <summary>
/// A TestingHost silo as the in-process cluster tests run it: grain state in memory, the catalog's journals under
/// <paramref name="root"/>, and an engine on 127.0.0.1 (DHT, LSD and uTP off, which crawls on loopback) with a data
/// folder of its own under <paramref name="root"/>.
/// Its storage roots are its own downloads folder (the default, first) and the whole test root, where tests keep
/// the data they add torrents for; paths outside the test root are refused as in production.
/// </summary>
public static class LoopbackSilos
{
    public static void Configure(ISiloBuilder silo, string siloName, string root)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.AddMemoryGrainStorage(StorageNames.Cluster);
        // On disk, shared by the silos of the test: a shard's grain may move between them.
        silo.AddJournalTorrentCatalog(Path.Combine(root, "catalog"));
        silo.AddTorrentClusterGrains(engine =>
        {
            engine.ListenAddress = "127.0.0.1";
            engine.ListenPort = 0;
            engine.EnableDht = false;
            engine.EnableLsd = false;
            engine.EnableUtp = false;
            engine.AllowMultipleConnectionsPerIp = true;
            engine.DataPath = Path.Combine(root, siloName);
        }, storage => storage.AllowedRoots = [Path.Combine(root, siloName, "downloads"), root]);
    }
}
