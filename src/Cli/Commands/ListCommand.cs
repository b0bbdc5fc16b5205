using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;
using TorrentCluster.Cli.Rendering;

namespace TorrentCluster.Cli.Commands;

/// <summary><c>tcctl ls</c>: one page of torrents.list as a table.</summary>
internal static class ListCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var query = new Option<string?>("--query", "-q") { Description = "a PQL query, e.g. 'is:downloading and size > 1gb'" };
        var silo = new Option<string?>("--silo") { Description = "only torrents on this silo" };
        var sort = new Option<string>("--sort")
        {
            Description = "a torrents.list field to sort by (name, size, progress, download_rate, ratio, ...); add :asc or :desc",
            DefaultValueFactory = _ => "queue_position",
        };
        var limit = new Option<int>("--limit") { Description = "at most this many torrents", DefaultValueFactory = _ => 100 };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > TorrentSelection.MaxMatches)
            {
                result.AddError($"--limit must be between 1 and {TorrentSelection.MaxMatches}");
            }
        });
        var command = new Command("ls", """
            List the fleet's torrents.

            Examples:
              tcctl ls
              tcctl ls --query 'is:downloading' --sort download_rate:desc --limit 10
              tcctl ls --silo silo-1 -o json | jq '.torrents[].name'
            """)
        {
            query, silo, sort, limit,
        };
        command.Run(globals, async (call, cancellation) =>
        {
            var filters = new JsonObject();
            if (call.Value(query) is { } pql)
            {
                filters["query"] = pql;
            }

            if (call.Value(silo) is { } name)
            {
                filters["session"] = name;
            }

            var (field, direction) = SortOrder(call.Value(sort)!);
            var result = await call.Gateway().CallAsync("torrents.list", new JsonObject
            {
                ["page_size"] = call.Value(limit),
                ["order_by"] = field,
                ["order_by_dir"] = direction,
                ["filters"] = filters,
            }, cancellation);
            if (call.Json)
            {
                Invocation.WriteJson(result);
                return ExitCodes.Ok;
            }

            var table = Tables.Create("HASH", "NAME", "SIZE", "DONE", "STATE", "DOWN", "UP", "PEERS", "SILO");
            foreach (var torrent in result.Items("torrents"))
            {
                table.Row(
                    torrent.InfoHash(), torrent.Text("name"), Units.Bytes(torrent.Long("size")), Units.Percent(torrent.Double("progress")),
                    TorrentStates.Describe(torrent), Units.Rate(torrent.Long("download_rate")), Units.Rate(torrent.Long("upload_rate")),
                    Json.Invariant(torrent.Long("num_peers")), torrent.Text("silo"));
            }

            AnsiConsole.Write(table);
            var shown = result.Items("torrents").Count();
            var total = result.Long("torrents_total");
            if (shown < total)
            {
                await Console.Error.WriteLineAsync($"{shown} of {total} torrents shown; raise --limit or narrow --query");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static (string Field, string Direction) SortOrder(string sort)
    {
        var colon = sort.LastIndexOf(':');
        return colon < 0 ? (sort, "asc") : (sort[..colon], sort[(colon + 1)..]);
    }
}
