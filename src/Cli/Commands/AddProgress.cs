using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using TorrentCluster.Cli.Api;
using TorrentCluster.Cli.Rendering;

namespace TorrentCluster.Cli.Commands;

/// <summary>
/// Follows added torrents with torrents.get once a second until each completes (every wanted piece) or fails (an
/// error, or removed). A terminal gets live bars; a pipe or log gets a line per torrent whenever its line changes,
/// the last one saying 100% or why it failed. Ctrl+C stops the watch only: the torrents stay in the fleet.
/// </summary>
internal static class AddProgress
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    // Polls that fail in a row (the gateway unreachable, the cluster unavailable) before the watch gives up.
    private const int MaxFailedPolls = 30;

    /// <param name="gateway">Where to ask.</param>
    /// <param name="torrents">The torrents just added.</param>
    /// <param name="lines">Where to print plain lines even on a terminal (stderr when stdout is for JSON); null for the default.</param>
    /// <param name="cancellation">Ctrl+C.</param>
    public static async Task<int> WatchAsync(GatewayClient gateway, IReadOnlyList<WatchedTorrent> torrents, TextWriter? lines, CancellationToken cancellation)
    {
        var watches = torrents.Select(torrent => new Watch(torrent)).ToList();
        try
        {
            if (lines is null && Terminal.IsInteractive)
            {
                await AnsiConsole.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn())
                    .StartAsync(async progress =>
                    {
                        var bars = watches.ToDictionary(watch => watch, watch => progress.AddTask(Markup.Escape(watch.Torrent.Label), maxValue: 100));
                        await PollAsync(gateway, watches, watch =>
                        {
                            var bar = bars[watch];
                            bar.Description = Markup.Escape(watch.Line(withPercent: false));
                            bar.Value = watch.Progress * 100;
                            if (watch.Done)
                            {
                                bar.StopTask();
                            }
                        }, cancellation);
                    });
            }
            else
            {
                // Names padded to the longest, so that the percentages of several torrents line up.
                await PollAsync(gateway, watches, watch => watch.PrintIfChanged(lines ?? Console.Out, watches.Max(each => each.Name.Length)), cancellation);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("tcctl: stopped watching; the torrents go on (tcctl ls)");
            return ExitCodes.Interrupted;
        }

        foreach (var failed in watches.Where(watch => watch.Failure is not null))
        {
            await Console.Error.WriteLineAsync($"tcctl: {failed.Torrent.InfoHash}: {failed.Failure}");
        }

        return watches.Any(watch => watch.Failure is not null) ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static async Task PollAsync(GatewayClient gateway, List<Watch> watches, Action<Watch> show, CancellationToken cancellation)
    {
        var failedPolls = 0;
        while (watches.Any(watch => !watch.Done))
        {
            // Every torrent is asked first and shown after, so that a round's lines know every name.
            var pending = watches.Where(watch => !watch.Done).ToList();
            foreach (var watch in pending)
            {
                try
                {
                    watch.Update(await gateway.CallAsync("torrents.get", new JsonObject { ["info_hash"] = watch.Torrent.InfoHash }, cancellation));
                    failedPolls = 0;
                }
                catch (CliException failure) when (failure.Message.StartsWith("error -1:", StringComparison.Ordinal))
                {
                    watch.Fail("removed from the fleet");
                }
                catch (CliException) when (++failedPolls < MaxFailedPolls)
                {
                    // A gateway restarting or a cluster electing: the next poll may answer.
                }
            }

            pending.ForEach(show);

            if (watches.Any(watch => !watch.Done))
            {
                await Task.Delay(PollInterval, cancellation);
            }
        }
    }

    /// <summary>What is known of one watched torrent, and its line of text.</summary>
    private sealed class Watch(WatchedTorrent torrent)
    {
        private string? _printed;
        private JsonElement _last;

        public WatchedTorrent Torrent { get; } = torrent;

        public double Progress { get; private set; }

        public string? Failure { get; private set; }

        public bool Complete { get; private set; }

        public bool Done => Complete || Failure is not null;

        public void Update(JsonElement torrent)
        {
            _last = torrent;
            Progress = Math.Clamp(torrent.Double("progress"), 0, 1);
            if (TorrentStates.Error(torrent) is { } error)
            {
                Failure = error;
            }
            else if (TorrentStates.IsComplete(torrent))
            {
                Complete = true;
                Progress = 1;
            }
        }

        public void Fail(string reason) => Failure = reason;

        public string Name => _last.ValueKind == JsonValueKind.Object && _last.Text("name") is { Length: > 0 } known ? known : Torrent.Label;

        public string Line(bool withPercent, int nameWidth = 0)
        {
            var name = Name.PadRight(nameWidth);
            var percent = withPercent ? $"  {Units.Percent(Progress),6}" : string.Empty;
            if (Failure is not null)
            {
                return $"{name}{percent}  failed: {Failure}";
            }

            var silo = _last.ValueKind == JsonValueKind.Object ? _last.Text("silo") : string.Empty;
            if (Complete)
            {
                return $"{name}{percent}  done ({TorrentStates.Describe(_last)}) on {silo}";
            }

            if (_last.ValueKind != JsonValueKind.Object)
            {
                return $"{name}{percent}  waiting for the gateway";
            }

            return $"{name}{percent}  {Units.MibPerSecond(_last.Long("download_rate"))}  ETA {Units.Eta(_last.Long("eta"))}  " +
                $"{Peers(_last.Long("num_peers"))}  {TorrentStates.Describe(_last)} on {silo}";
        }

        private static string Peers(long count) => count == 1 ? "1 peer" : $"{count} peers";

        public void PrintIfChanged(TextWriter output, int nameWidth)
        {
            var line = Line(withPercent: true, nameWidth);
            if (line != _printed)
            {
                output.WriteLine(line);
                _printed = line;
            }
        }
    }
}
