using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using TorrentCluster.Cli.Rendering;

namespace TorrentCluster.Cli.Commands;

/// <summary><c>tcctl get|files|trackers HASH</c>: one torrent's details, each from one API method.</summary>
internal static class TorrentDetailCommands
{
    public static IEnumerable<Command> Create(GlobalOptions globals)
    {
        yield return Detail(globals, "get", "torrents.get", "Show one torrent in full (every field torrents.get answers).", ShowTorrent);
        yield return Detail(globals, "files", "torrents.files.list", "List a torrent's files with their progress and priority.", ShowFiles);
        yield return Detail(globals, "trackers", "torrents.trackers.list", "List a torrent's trackers and their last announce.", ShowTrackers);
    }

    private static Command Detail(GlobalOptions globals, string name, string method, string summary, Action<JsonElement> show)
    {
        var hash = new Argument<string>("hash") { Description = "the torrent's info-hash (40 or 64 hex characters)" };
        var command = new Command(name, $"""
            {summary}

            Example:
              tcctl {name} 61a0283b7995556a72f9118cab77fb18fabc9e3d
            """)
        {
            hash,
        };
        command.Run(globals, async (call, cancellation) =>
        {
            var result = await call.Gateway().CallAsync(method, new JsonObject { ["info_hash"] = call.Value(hash) }, cancellation);
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

    private static void ShowTorrent(JsonElement torrent)
    {
        var table = Tables.Create("FIELD", "VALUE");
        table.Row("state", TorrentStates.Describe(torrent));
        table.Row("progress", Units.Percent(torrent.Double("progress")));
        table.Row("download rate", Units.Rate(torrent.Long("download_rate")));
        table.Row("upload rate", Units.Rate(torrent.Long("upload_rate")));
        table.Row("eta", Units.Eta(torrent.TryGetProperty("eta", out _) ? torrent.Long("eta") : -1));
        foreach (var field in torrent.EnumerateObject())
        {
            table.Row(field.Name, field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString()! : field.Value.GetRawText());
        }

        AnsiConsole.Write(table);
    }

    private static void ShowFiles(JsonElement result)
    {
        var table = Tables.Create("INDEX", "PATH", "SIZE", "DONE", "PRIORITY");
        foreach (var file in result.Items("files"))
        {
            var size = file.Long("size");
            table.Row(
                Json.Invariant(file.Long("index")), file.Text("path"), Units.Bytes(size),
                Units.Percent(size == 0 ? 1 : (double)file.Long("progress") / size), Json.Invariant(file.Long("priority")));
        }

        AnsiConsole.Write(table);
    }

    private static void ShowTrackers(JsonElement result)
    {
        var table = Tables.Create("TIER", "URL", "STATUS", "FAILS", "NEXT ANNOUNCE", "SEEDS", "LEECHERS");
        foreach (var tracker in result.Items("trackers"))
        {
            // The first endpoint's v1 announce (its v2 one if it has no v1) speaks for the tracker.
            var announce = tracker.Items("endpoints").SelectMany(endpoint => endpoint.Items("info_hashes"))
                .FirstOrDefault(entry => entry.Text("start_sent") == "true");
            var status = announce.ValueKind != JsonValueKind.Object ? "not announced"
                : announce.Text("last_error") is { Length: > 0 } error ? $"error: {error}"
                : announce.Text("message") is { Length: > 0 } message ? message
                : "ok";
            var next = announce.ValueKind == JsonValueKind.Object && announce.Long("next_announce") > 0
                ? DateTimeOffset.FromUnixTimeSeconds(announce.Long("next_announce")).ToLocalTime().ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)
                : "--";
            table.Row(
                Json.Invariant(tracker.Long("tier")), tracker.Text("url"), status, Json.Invariant(announce.ValueKind == JsonValueKind.Object ? announce.Long("fails") : 0), next,
                Scrape(announce, "scrape_complete"), Scrape(announce, "scrape_incomplete"));
        }

        AnsiConsole.Write(table);
    }

    private static string Scrape(JsonElement announce, string field) =>
        announce.ValueKind == JsonValueKind.Object && announce.Long(field) >= 0 ? Json.Invariant(announce.Long(field)) : "?";
}
