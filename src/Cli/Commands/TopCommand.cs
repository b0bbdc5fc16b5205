using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Rendering;
using TorrentCluster.Cli.Api;
using TorrentCluster.Cli.Rendering;

namespace TorrentCluster.Cli.Commands;

/// <summary>
/// <c>tcctl top</c>: a full-screen fleet view (silos, rates, the busiest torrents, the top clients) redrawn every
/// few seconds until q or Ctrl+C. Each frame costs the cluster four calls; the interval has a floor of one second so
/// that many operators' tops cannot add up to a load.
/// </summary>
internal static class TopCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var interval = new Option<int>("--interval", "-n") { Description = "seconds between redraws (at least 1)", DefaultValueFactory = _ => 2 };
        interval.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--interval must be at least 1 second");
            }
        });
        var frames = new Option<int?>("--frames") { Description = "stop after this many redraws (default: until q or Ctrl+C on a terminal, one frame otherwise)" };
        var command = new Command("top", """
            A live view of the fleet: silos, rates, the busiest torrents and the top peer clients. q or Ctrl+C quits.

            Examples:
              tcctl top
              tcctl top --interval 5
              tcctl top --frames 1 > fleet.txt
            """)
        {
            interval, frames,
        };
        command.Run(globals, async (call, cancellation) =>
        {
            var gateway = call.Gateway();
            if (call.Json)
            {
                // The view's four answers in one object, for a script that wants the same snapshot.
                var snapshot = new JsonObject();
                foreach (var (key, result) in await FetchAsync(gateway, cancellation))
                {
                    snapshot[key] = JsonNode.Parse(result.GetRawText());
                }

                Console.Out.WriteLine(snapshot.ToJsonString());
                return ExitCodes.Ok;
            }

            var count = call.Value(frames) ?? (Terminal.IsInteractive ? null : 1);
            await LiveView.RunAsync(token => FrameAsync(gateway, token), TimeSpan.FromSeconds(call.Value(interval)), count, cancellation, fullScreen: true);
            return ExitCodes.Ok;
        });
        return command;
    }

    // One frame's calls, one after the other: a frame costs the cluster no more than four calls at once would.
    private static async Task<Dictionary<string, System.Text.Json.JsonElement>> FetchAsync(GatewayClient gateway, CancellationToken cancellation) => new()
    {
        ["silos"] = await gateway.CallAsync("cluster.silos.list", new JsonObject(), cancellation),
        ["stats"] = await gateway.CallAsync("fleet.stats", new JsonObject(), cancellation),
        ["torrents"] = await gateway.CallAsync("torrents.list", new JsonObject { ["page_size"] = 10, ["order_by"] = "download_rate", ["order_by_dir"] = "desc" }, cancellation),
        ["clients"] = await gateway.CallAsync("fleet.peers.summary", new JsonObject { ["group_by"] = "client", ["top"] = 5 }, cancellation),
    };

    private static async Task<IRenderable> FrameAsync(GatewayClient gateway, CancellationToken cancellation)
    {
        var answers = await FetchAsync(gateway, cancellation);
        var (silos, stats, torrents, clients) = (answers["silos"], answers["stats"], answers["torrents"], answers["clients"]);

        var busiest = Tables.Create("NAME", "DONE", "DOWN", "UP", "PEERS", "SILO");
        foreach (var torrent in torrents.Items("torrents"))
        {
            busiest.Row(torrent.Text("name"), Units.Percent(torrent.Double("progress")), Units.Rate(torrent.Long("download_rate")),
                Units.Rate(torrent.Long("upload_rate")), Json.Invariant(torrent.Long("num_peers")), torrent.Text("silo"));
        }

        var topClients = Tables.Create("CLIENT", "CONNECTIONS", "ADDRESSES", "DOWN", "UP");
        foreach (var group in clients.Items("groups"))
        {
            topClients.Row(group.Text("key"), Json.Invariant(group.Long("connections")), Json.Invariant(group.Long("distinct_ips")),
                Units.Rate(group.Long("down_speed")), Units.Rate(group.Long("up_speed")));
        }

        var headline = new Text(
            $"fleet: ↓ {Units.Rate(stats.Long("download_rate"))}  ↑ {Units.Rate(stats.Long("upload_rate"))}  {stats.Long("peers")} peers  " +
            $"{torrents.Long("torrents_total_unfiltered")} torrents  {DateTimeOffset.Now:HH:mm:ss}");
        // Full width on a screen; as wide as the tables in a file, whose width is only a guess.
        var expand = Terminal.IsInteractive;
        return new Rows(
            headline,
            new Panel(FleetCommands.SilosTable(silos)) { Expand = expand }.Header("silos"),
            new Panel(busiest) { Expand = expand }.Header("busiest torrents"),
            new Panel(topClients) { Expand = expand }.Header("top clients"));
    }
}
