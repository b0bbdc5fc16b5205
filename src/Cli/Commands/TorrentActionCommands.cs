using System.CommandLine;
using System.Text.Json.Nodes;

namespace TorrentCluster.Cli.Commands;

/// <summary><c>tcctl pause|resume|recheck|move</c>: one API call per selected torrent, each reported on its own line.</summary>
internal static class TorrentActionCommands
{
    public static IEnumerable<Command> Create(GlobalOptions globals)
    {
        yield return Simple(globals, "pause", "torrents.pause", "paused", "Pause torrents; they stay paused across restarts.");
        yield return Simple(globals, "resume", "torrents.resume", "resumed", "Resume paused torrents.");
        yield return Simple(globals, "recheck", "torrents.recheck", "rechecking", "Check every piece on disk again.");
        yield return Move(globals);
    }

    private static Command Simple(GlobalOptions globals, string name, string method, string done, string summary)
    {
        var selection = new TorrentSelection();
        var command = new Command(name, $"""
            {summary}

            Examples:
              tcctl {name} 61a0283b7995556a72f9118cab77fb18fabc9e3d
              tcctl {name} --query 'category = "distros"'
            """);
        selection.AddTo(command);
        command.Run(globals, (call, cancellation) =>
            ForEachAsync(call, selection, method, done, parameters => parameters, cancellation));
        return command;
    }

    private static Command Move(GlobalOptions globals)
    {
        var selection = new TorrentSelection();
        var path = new Option<string>("--to") { Description = "the new absolute save path, within the silo's storage roots", Required = true };
        var flags = new Option<string?>("--flags") { Description = "when a file exists there: dont_replace (default), always_replace_files or fail_if_exist" };
        flags.AcceptOnlyFromAmong("dont_replace", "always_replace_files", "fail_if_exist");
        var command = new Command("move", """
            Move torrents' data to another folder on their silo.

            Examples:
              tcctl move 61a0283b7995556a72f9118cab77fb18fabc9e3d --to /srv/archive
              tcctl move --query 'is:finished' --to /srv/archive --flags fail_if_exist
            """)
        {
            path, flags,
        };
        selection.AddTo(command);
        command.Run(globals, (call, cancellation) =>
            ForEachAsync(call, selection, "torrents.move", "moving", parameters =>
            {
                parameters["path"] = call.Value(path);
                if (call.Value(flags) is { } chosen)
                {
                    parameters["flags"] = chosen;
                }

                return parameters;
            }, cancellation));
        return command;
    }

    // Every torrent is tried; a failure is one line on stderr and makes the exit code 1, the others still go on.
    private static async Task<int> ForEachAsync(
        Invocation call, TorrentSelection selection, string method, string done, Func<JsonObject, JsonObject> extra, CancellationToken cancellation)
    {
        var gateway = call.Gateway();
        var exitCode = ExitCodes.Ok;
        foreach (var (label, infoHash) in await selection.ResolveAsync(call, gateway, cancellation))
        {
            try
            {
                var result = await gateway.CallAsync(method, extra(new JsonObject { ["info_hash"] = infoHash.DeepClone() }), cancellation);
                if (call.Json)
                {
                    Invocation.WriteJson(result);
                }
                else
                {
                    Console.Out.WriteLine($"{done} {label}");
                }
            }
            catch (CliException failure)
            {
                await Console.Error.WriteLineAsync($"tcctl: {label}: {failure.Message}");
                exitCode = ExitCodes.Failed;
            }
        }

        return exitCode;
    }
}
