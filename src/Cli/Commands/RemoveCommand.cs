using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace TorrentCluster.Cli.Commands;

/// <summary>
/// <c>tcctl rm</c>: torrents.remove in one call. Deleting data cannot be undone, so <c>--data</c> asks first; without
/// a terminal to ask at, only <c>--yes</c> lets it through.
/// </summary>
internal static class RemoveCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var selection = new TorrentSelection();
        var data = new Option<bool>("--data") { Description = "also delete the downloaded files (asks first)" };
        var yes = new Option<bool>("--yes", "-y") { Description = "do not ask before deleting data" };
        var command = new Command("rm", """
            Remove torrents from the fleet, and with --data their files.

            Examples:
              tcctl rm 61a0283b7995556a72f9118cab77fb18fabc9e3d
              tcctl rm --query 'ratio >= 2 and is:seeding' --data --yes
            """)
        {
            data, yes,
        };
        selection.AddTo(command);
        command.Run(globals, async (call, cancellation) =>
        {
            var gateway = call.Gateway();
            var selected = await selection.ResolveAsync(call, gateway, cancellation);
            if (selected.Count == 0)
            {
                await Console.Error.WriteLineAsync("tcctl: no torrent matches");
                return ExitCodes.Ok;
            }

            var removeData = call.Value(data);
            if (removeData && !call.Value(yes) && !Confirmed(selected.Count))
            {
                await Console.Error.WriteLineAsync("tcctl: nothing removed");
                return ExitCodes.Usage;
            }

            var result = await gateway.CallAsync("torrents.remove", new JsonObject
            {
                ["info_hashes"] = new JsonArray([.. selected.Select(torrent => torrent.InfoHash.DeepClone())]),
                ["remove_data"] = removeData,
            }, cancellation);
            if (call.Json)
            {
                Invocation.WriteJson(result);
            }
            else
            {
                foreach (var (label, _) in selected)
                {
                    Console.Out.WriteLine(removeData ? $"removed {label} and its data" : $"removed {label}");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static bool Confirmed(int count)
    {
        if (Console.IsInputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            throw new CliException("refusing to delete data without a terminal to confirm at: add --yes", ExitCodes.Usage);
        }

        return AnsiConsole.Confirm($"Delete {count} torrent(s) [bold]and their downloaded files[/]? This cannot be undone.", defaultValue: false);
    }
}
