using System.Text.Json.Nodes;
using TorrentCluster.Bench.Scale;

namespace TorrentCluster.Bench.ConsoleLoad;

/// <summary>
/// The torrents.list call a scenario's page made, with the very params it sent, made by the bench straight to the
/// same gateway: the floor under the page's load, end to end on loopback without a browser.
/// </summary>
internal static class ApiTimer
{
    private const int Warmup = 3;

    public static async Task<IReadOnlyList<double>> TimeAsync(ScaleRpc rpc, string paramsJson, int rounds, CancellationToken cancellation)
    {
        var parameters = JsonNode.Parse(paramsJson) ?? new JsonObject();
        for (var i = 0; i < Warmup; i++)
        {
            await rpc.CallAsync("torrents.list", parameters, cancellation);
        }

        var milliseconds = new List<double>(rounds);
        for (var i = 0; i < rounds; i++)
        {
            milliseconds.Add(await rpc.TimeCallAsync("torrents.list", parameters, cancellation));
        }

        return milliseconds;
    }
}
