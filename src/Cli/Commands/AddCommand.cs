using System.CommandLine;
using System.Text.Json.Nodes;
using TorrentCluster.Cli.Rendering;

namespace TorrentCluster.Cli.Commands;

/// <summary>
/// <c>tcctl add FILE|MAGNET...</c>: torrents.add once per source (a .torrent file goes base64 in <c>ti</c>, a magnet
/// link in <c>magnet_uri</c>), then with <c>--watch</c> a progress bar per torrent until each completes or fails.
/// </summary>
internal static class AddCommand
{
    // torrents.add refuses bodies over 32 MiB; a .torrent file is a few hundred KiB at most, base64 adds a third.
    private const long MaxTorrentFileBytes = 16 * 1024 * 1024;

    public static Command Create(GlobalOptions globals)
    {
        var sources = new Argument<string[]>("source") { Description = ".torrent files or magnet: links", Arity = ArgumentArity.OneOrMore };
        var savePath = new Option<string?>("--save-path") { Description = "an absolute folder within the silo's storage roots (default: the silo's download folder)" };
        var category = new Option<string?>("--category") { Description = "a category to file the torrents under" };
        var tags = new Option<string[]>("--tag") { Description = "a tag (repeat for more)", AllowMultipleArgumentsPerToken = false };
        var silo = new Option<string?>("--silo") { Description = "the silo to put the torrents on (default: the cluster places them)" };
        var paused = new Option<bool>("--paused") { Description = "add them paused" };
        var watch = new Option<bool>("--watch", "-w")
        {
            Description = "show a progress bar per torrent until each completes or fails; Ctrl+C stops watching, not the downloads (exit 130)",
        };
        var command = new Command("add", """
            Add torrents to the fleet.

            Examples:
              tcctl add ubuntu-24.04.iso.torrent --watch
              tcctl add 'magnet:?xt=urn:btih:...' --category distros --tag iso --tag lts
              tcctl add *.torrent --silo silo-2 --save-path /srv/torrents --paused
            """)
        {
            sources, savePath, category, tags, silo, paused, watch,
        };
        command.Run(globals, async (call, cancellation) =>
        {
            var gateway = call.Gateway();
            var added = new List<WatchedTorrent>();
            foreach (var source in call.Value(sources)!)
            {
                var parameters = Source(source);
                parameters["save_path"] = call.Value(savePath);
                parameters["category"] = call.Value(category);
                parameters["session"] = call.Value(silo);
                if (call.Value(tags) is { Length: > 0 } chosen)
                {
                    parameters["tags"] = new JsonArray([.. chosen.Select(tag => (JsonNode)JsonValue.Create(tag))]);
                }

                if (call.Value(paused))
                {
                    parameters["paused"] = true;
                }

                foreach (var unset in parameters.Where(pair => pair.Value is null).Select(pair => pair.Key).ToList())
                {
                    parameters.Remove(unset);
                }

                var result = await gateway.CallAsync("torrents.add", parameters, cancellation);
                var torrent = new WatchedTorrent(result.InfoHash(), IsMagnet(source) ? result.InfoHash() : Path.GetFileName(source));
                added.Add(torrent);
                if (call.Json)
                {
                    Invocation.WriteJson(result);
                }
                else
                {
                    Console.Out.WriteLine($"added {torrent.InfoHash} ({torrent.Label})");
                }
            }

            // With -o json, stdout holds only the API's answers: the progress goes to stderr as plain lines.
            return call.Value(watch)
                ? await AddProgress.WatchAsync(gateway, added, call.Json ? Console.Error : null, cancellation)
                : ExitCodes.Ok;
        });
        return command;
    }

    private static bool IsMagnet(string source) => source.StartsWith("magnet:", StringComparison.OrdinalIgnoreCase);

    private static JsonObject Source(string source)
    {
        if (IsMagnet(source))
        {
            return new JsonObject { ["magnet_uri"] = source };
        }

        var file = new FileInfo(source);
        if (!file.Exists)
        {
            throw new CliException($"{source}: no such file (and not a magnet: link)", ExitCodes.Usage);
        }

        if (file.Length > MaxTorrentFileBytes)
        {
            throw new CliException($"{source}: {Units.Bytes(file.Length)} is too large for a .torrent file", ExitCodes.Usage);
        }

        return new JsonObject { ["ti"] = Convert.ToBase64String(File.ReadAllBytes(file.FullName)) };
    }
}
