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

    /// <summary>
    /// torrents.list with the page's params and, at the same moment, the other call the page's mount makes
    /// (cluster.silos.list, for its silo filter): how long each takes when they meet in the gateway, without a browser.
    /// </summary>
    public static async Task<(IReadOnlyList<double> List, IReadOnlyList<double> Other)> TimeBesideAsync(
        ScaleRpc rpc, string paramsJson, string otherMethod, int rounds, CancellationToken cancellation)
    {
        var parameters = JsonNode.Parse(paramsJson) ?? new JsonObject();
        var list = new List<double>(rounds);
        var other = new List<double>(rounds);
        for (var i = 0; i < Warmup + rounds; i++)
        {
            var listing = rpc.TimeCallAsync("torrents.list", parameters, cancellation);
            var besides = rpc.TimeCallAsync(otherMethod, new { }, cancellation);
            await Task.WhenAll(listing, besides);
            if (i >= Warmup)
            {
                list.Add(await listing);
                other.Add(await besides);
            }
        }

        return (list, other);
    }
}
