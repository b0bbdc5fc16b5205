using Orleans.Hosting;
using TorrentCluster.Grains.Hosting;

namespace TorrentCluster.Testing;

/// <summary>
/// A TestingHost silo as the in-process cluster tests run it: grain state in memory, and an engine on 127.0.0.1
/// (DHT, LSD and uTP off, which crawls on loopback) with a data folder of its own under <paramref name="root"/>.
/// </summary>
public static class LoopbackSilos
{
    public static void Configure(ISiloBuilder silo, string siloName, string root)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.AddMemoryGrainStorage(StorageNames.Cluster);
        silo.AddTorrentClusterGrains(engine =>
        {
            engine.ListenAddress = "127.0.0.1";
            engine.ListenPort = 0;
            engine.EnableDht = false;
            engine.EnableLsd = false;
            engine.EnableUtp = false;
            engine.AllowMultipleConnectionsPerIp = true;
            engine.DataPath = Path.Combine(root, siloName);
        });
    }
}
