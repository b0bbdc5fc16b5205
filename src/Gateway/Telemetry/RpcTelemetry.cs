using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TorrentCluster.Gateway.Telemetry;

/// <summary>
/// The gateway's own signals: a span per JSON-RPC call (the parent of the grain calls it makes) and the
/// <c>torrentcluster.rpc.*</c> instruments, by method and outcome.
/// </summary>
public sealed class RpcTelemetry
{
    public const string SourceName = "TorrentCluster.Gateway";
    public const string MeterName = "TorrentCluster.Gateway";

    public static readonly ActivitySource Source = new(SourceName);

    // From a cached read (a millisecond) to a fleet-wide listing under load (seconds).
    private static readonly double[] LatencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Counter<long> _calls;
    private readonly Histogram<double> _duration;

    public RpcTelemetry(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _calls = meter.CreateCounter<long>("torrentcluster.rpc.calls", description: "JSON-RPC calls by method and outcome (ok or error)");
        _duration = meter.CreateHistogram<double>("torrentcluster.rpc.duration", unit: "s", description: "JSON-RPC call latency by method",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
    }

    /// <summary>Starts the call's span; null when nobody listens.</summary>
    public static Activity? StartCall(string method) => Source.StartActivity($"jsonrpc {method}");

    /// <summary>Counts a finished call. Unknown method names are counted as "unknown": clients choose them.</summary>
    public void Record(string method, bool known, bool ok, TimeSpan elapsed)
    {
        var name = known ? method : "unknown";
        _calls.Add(1, new KeyValuePair<string, object?>("method", name), new KeyValuePair<string, object?>("outcome", ok ? "ok" : "error"));
        _duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("method", name));
    }
}
