using System.Diagnostics.Metrics;
using TorrentCluster.Engine;
using TorrentCluster.Grains.Engine;
using TorrentCluster.Grains.Torrents;

namespace TorrentCluster.Grains.Telemetry;

/// <summary>
/// The silo's <c>torrentcluster.*</c> instruments, read from the engine when a collector asks: torrents by state,
/// payload bytes moved, connected peers and rates. Every measurement carries the silo's name. A hosted service
/// only so that the host creates it at start; the instruments do the rest.
/// </summary>
public sealed class EngineMetrics : Microsoft.Extensions.Hosting.IHostedService
{
    public EngineMetrics(IMeterFactory meters, TorrentEngine engine, HostedTorrentRegistry registry, ILocalSiloDetails silo)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(EngineTelemetry.MeterName);
        var siloTag = new KeyValuePair<string, object?>("silo", silo.Name);
        meter.CreateObservableGauge("torrentcluster.torrents", () => TorrentsByState(engine, registry, siloTag),
            description: "Torrents hosted by the silo, by state");
        meter.CreateObservableCounter("torrentcluster.downloaded", () => new Measurement<long>(engine.Stats.PayloadReceived, siloTag),
            unit: "By", description: "Payload bytes downloaded by the silo's engine since it started");
        meter.CreateObservableCounter("torrentcluster.uploaded", () => new Measurement<long>(engine.Stats.PayloadSent, siloTag),
            unit: "By", description: "Payload bytes uploaded by the silo's engine since it started");
        meter.CreateObservableGauge("torrentcluster.peers.connected", () => new Measurement<long>(engine.Stats.PeersConnected, siloTag),
            description: "Peers connected to the silo's engine");
        meter.CreateObservableGauge("torrentcluster.engine.download.rate", () => new Measurement<long>(engine.Stats.PayloadDownloadRate, siloTag),
            unit: "By/s", description: "Payload download rate of the silo's engine");
        meter.CreateObservableGauge("torrentcluster.engine.upload.rate", () => new Measurement<long>(engine.Stats.PayloadUploadRate, siloTag),
            unit: "By/s", description: "Payload upload rate of the silo's engine");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static IEnumerable<Measurement<int>> TorrentsByState(TorrentEngine engine, HostedTorrentRegistry registry, KeyValuePair<string, object?> siloTag)
    {
        return TorrentStateNames.CountByState(registry, engine.StatusSnapshot)
            .Select(state => new Measurement<int>(state.Value, siloTag, new KeyValuePair<string, object?>("state", state.Key)));
    }

}
