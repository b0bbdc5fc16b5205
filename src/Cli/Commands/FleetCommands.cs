using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using TorrentCluster.Cli.Rendering;

namespace TorrentCluster.Cli.Commands;

/// <summary><c>tcctl silos</c> (cluster.silos.list) and <c>tcctl stats</c> (fleet.stats).</summary>
internal static class FleetCommands
{
    public static IEnumerable<Command> Create(GlobalOptions globals)
    {
        yield return Simple(globals, "silos", "cluster.silos.list", """
            List the cluster's silos: status, torrents, rates, peers, free disk.

            Example:
              tcctl silos
            """, result => AnsiConsole.Write(SilosTable(result)));
        yield return Simple(globals, "stats", "fleet.stats", """
            Show the fleet's rates, peers and torrents by state, in total and per silo.

            Example:
              tcctl stats
            """, result => AnsiConsole.Write(StatsTable(result)));
    }

    public static Table SilosTable(JsonElement result)
    {
        var table = Tables.Create("NAME", "STATUS", "TORRENTS", "DOWN", "UP", "PEERS", "FREE DISK", "VERSION");
        foreach (var silo in result.Items("silos"))
        {
            table.Row(
                silo.Text("name"), silo.Text("status"), Json.Invariant(silo.Long("torrents")), Units.Rate(silo.Long("download_rate")),
                Units.Rate(silo.Long("upload_rate")), Json.Invariant(silo.Long("peers")), Units.Bytes(silo.Long("free_disk")), silo.Text("version"));
        }

        return table;
    }

    public static Table StatsTable(JsonElement result)
    {
        var table = Tables.Create("SILO", "DOWN", "UP", "PEERS", "TORRENTS BY STATE");
        foreach (var silo in result.Items("silos"))
        {
            table.Row(silo.Text("name"), Units.Rate(silo.Long("download_rate")), Units.Rate(silo.Long("upload_rate")), Json.Invariant(silo.Long("peers")), States(silo));
        }

        table.Row("total", Units.Rate(result.Long("download_rate")), Units.Rate(result.Long("upload_rate")), Json.Invariant(result.Long("peers")), States(result));
        return table;
    }

    private static string States(JsonElement element) =>
        element.TryGetProperty("torrents_by_state", out var states) && states.ValueKind == JsonValueKind.Object
            ? string.Join(", ", states.EnumerateObject().Select(state => $"{state.Value.GetRawText()} {state.Name}"))
            : string.Empty;

    private static Command Simple(GlobalOptions globals, string name, string method, string help, Action<JsonElement> show)
    {
        var command = new Command(name, help);
        command.Run(globals, async (call, cancellation) =>
        {
            var result = await call.Gateway().CallAsync(method, new JsonObject(), cancellation);
            if (call.Json)
            {
                Invocation.WriteJson(result);
            }
            else
            {
                show(result);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
