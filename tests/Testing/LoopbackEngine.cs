using TorrentCluster.Engine;

namespace TorrentCluster.Testing;

/// <summary>
/// Engine settings for tests on 127.0.0.1: no DHT, LSD or port mapping (nothing leaves the machine), no uTP (it
/// crawls over loopback), and several peers allowed on one address.
/// </summary>
public static class LoopbackEngine
{
    public static EngineOptions Options(int port) => new()
    {
        ListenInterfaces = $"127.0.0.1:{port}",
        EnableDht = false,
        EnableLsd = false,
        EnableUpnp = false,
        EnableNatPmp = false,
        EnableUtp = false,
        AllowMultipleConnectionsPerIp = true,
    };

    public static TorrentEngine Create(int port) => new(Options(port));
}
