using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Xunit;

namespace TorrentCluster.Api.Tests;

/// <summary>One trace from the gateway's JSON-RPC call through Orleans' grain call to the engine call.</summary>
[Collection(ApiClusterCollection.Name)]
public sealed class TracingTests(ApiCluster api)
{
    [Fact]
    public async Task A_json_rpc_call_and_the_grain_and_engine_calls_it_makes_share_one_trace()
    {
        var (ti, folder) = api.MakeTorrent("traced", 100_000, seed: 41);
        var v1 = await api.AddAsync(new { ti, save_path = folder });

        var spans = new List<Activity>();
        using (Sdk.CreateTracerProviderBuilder()
            // The test's HttpClient and the gateway share this process, so the client's unsampled request span would
            // be the parent of everything (and sample it all out): record every span instead.
            .SetSampler(new AlwaysOnSampler())
            .AddSource("TorrentCluster.*", "Microsoft.Orleans.*")
            .AddInMemoryExporter(spans)
            .Build())
        {
            await api.Rpc.ResultAsync("torrents.files.list", new { info_hash = v1 });
        }

        var call = Assert.Single(spans, span => span.DisplayName == "jsonrpc torrents.files.list");
        var trace = spans.Where(span => span.TraceId == call.TraceId).ToList();
        var grainCall = Assert.Single(trace, span => span.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)
            && span.DisplayName.Contains("GetFiles", StringComparison.Ordinal) && span.Kind == ActivityKind.Server);
        var engineCall = Assert.Single(trace, span => span.DisplayName == "engine GetFiles");
        Assert.Equal(v1, engineCall.GetTagItem("torrent.info_hash"));
        Assert.Equal(grainCall.SpanId, engineCall.ParentSpanId);
    }
}
