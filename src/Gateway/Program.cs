using TorrentCluster.Gateway.Hosting;
using TorrentCluster.Gateway.Telemetry;
using TorrentCluster.ServiceDefaults.Health;
using TorrentCluster.ServiceDefaults.Telemetry;

// The standalone gateway of cluster mode: an Orleans client in front of the silos. The embedded default runs
// the same endpoints inside the silo process instead (src/Silo).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddTorrentClusterClient();
builder.AddTorrentClusterTelemetry("torrentcluster-gateway", meters: [RpcTelemetry.MeterName], sources: [RpcTelemetry.SourceName]);
builder.Services.AddTorrentClusterGateway();

var app = builder.Build();
app.MapTorrentClusterGateway();
app.MapTorrentClusterHealth();
app.MapTorrentClusterMetrics();
app.Run();
