using TorrentCluster.Engine;
using TorrentCluster.Grains.Hosting;

namespace TorrentCluster.Grains.Engine;

/// <summary>Builds the silo's engine from its options.</summary>
internal static class EngineFactory
{
    public static TorrentEngine Create(SiloEngineOptions options)
    {
        var engineOptions = new EngineOptions
        {
            ListenInterfaces = FormatListenInterface(options.ListenAddress, options.ListenPort),
            EnableDht = options.EnableDht,
            EnableLsd = options.EnableLsd,
            EnableUpnp = options.EnablePortMapping,
            EnableNatPmp = options.EnablePortMapping,
            EnableUtp = options.EnableUtp,
            ConnectOverUtp = options.ConnectOverUtp,
            UtpConnectTimeout = options.UtpConnectTimeout,
            AllowMultipleConnectionsPerIp = options.AllowMultipleConnectionsPerIp,
            UploadRateLimit = options.UploadRateLimit,
            DownloadRateLimit = options.DownloadRateLimit,
            ConnectionsLimit = options.ConnectionsLimit,
        };
        foreach (var (name, value) in options.Settings)
        {
            engineOptions.Settings[name] = value;
        }

        return new TorrentEngine(engineOptions);
    }

    private static string FormatListenInterface(string address, int port) =>
        address.Contains(':', StringComparison.Ordinal) ? $"[{address}]:{port}" : $"{address}:{port}";
}
