using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Rendering;
using TorrentCluster.Cli.Rendering;

namespace TorrentCluster.Cli.Commands;

/// <summary><c>tcctl peers HASH [--watch]</c>: torrents.peers.list's fields as a table, redrawn every second with --watch.</summary>
internal static class PeersCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var hash = new Argument<string>("hash") { Description = "the torrent's info-hash (40 or 64 hex characters)" };
        var watch = new Option<bool>("--watch", "-w") { Description = "redraw every second until Ctrl+C or q" };
        var command = new Command("peers", """
            List a torrent's connected peers: address, client, their progress, rates and totals.

            Examples:
              tcctl peers 61a0283b7995556a72f9118cab77fb18fabc9e3d
              tcctl peers 61a0283b7995556a72f9118cab77fb18fabc9e3d --watch
            """)
        {
            hash, watch,
        };
        command.Run(globals, async (call, cancellation) =>
        {
            var gateway = call.Gateway();
            var parameters = new JsonObject { ["info_hash"] = call.Value(hash) };
            if (call.Json)
            {
                Invocation.WriteJson(await gateway.CallAsync("torrents.peers.list", parameters, cancellation));
                return ExitCodes.Ok;
            }

            async Task<IRenderable> Frame(CancellationToken token) => Table(await gateway.CallAsync("torrents.peers.list", parameters, token));
            await LiveView.RunAsync(Frame, TimeSpan.FromSeconds(1), call.Value(watch) ? null : 1, cancellation);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Table Table(System.Text.Json.JsonElement result)
    {
        var table = Tables.Create("ADDRESS", "CLIENT", "PROGRESS", "DOWN", "UP", "DOWNLOADED", "UPLOADED", "RTT", "QUEUE");
        foreach (var peer in result.Items("peers"))
        {
            table.Row(
                peer.Endpoint("ip"), peer.Text("client"), Units.Percent(peer.Double("progress")),
                Units.Rate(peer.Long("down_speed")), Units.Rate(peer.Long("up_speed")),
                Units.Bytes(peer.Long("total_download")), Units.Bytes(peer.Long("total_upload")),
                $"{peer.Long("rtt")} ms", Json.Invariant(peer.Long("download_queue_length")));
        }

        return table;
    }
}
