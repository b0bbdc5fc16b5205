using System.Text.Json;
using TorrentCluster.Testing;

namespace TorrentCluster.Bench.Scale;

/// <summary>What bare libtorrent took to add a folder of torrents and what it holds for them.</summary>
internal sealed record BareAddResult(int Count, double Seconds, IReadOnlyList<double> BatchSeconds, long IdleRssBytes, long RssBytes)
{
    public double BytesPerTorrent => (double)(RssBytes - IdleRssBytes) / Count;
}

/// <summary>bench/Scale/tools/lt_scale.py under Debian's python3 (which has python3-libtorrent).</summary>
internal static class BareLibtorrent
{
    public const string Python = "/usr/bin/python3";

    public static string Script => Path.Combine(AppContext.BaseDirectory, "tools", "lt_scale.py");

    /// <summary>Adds every .torrent of <paramref name="folder"/>, paused, in batches, in a session of its own.</summary>
    public static async Task<BareAddResult> AddAsync(string folder, int batch, CancellationToken cancellation)
    {
        var line = await RunToLineAsync(["add", folder, Format.Text(batch)], TimeSpan.FromMinutes(20), cancellation);
        var json = JsonDocument.Parse(line).RootElement;
        return new BareAddResult(
            json.GetProperty("count").GetInt32(),
            json.GetProperty("seconds").GetDouble(),
            [.. json.GetProperty("batch_seconds").EnumerateArray().Select(value => value.GetDouble())],
            json.GetProperty("idle_rss_kib").GetInt64() * 1024,
            json.GetProperty("rss_kib").GetInt64() * 1024);
    }

    /// <summary>
    /// Downloads a torrent from a seeder with libtorrent's default settings, or with uTP off both ways when
    /// <paramref name="utp"/> is false; seconds and bytes.
    /// </summary>
    public static async Task<(double Seconds, long Bytes)> LeechAsync(string torrent, string output, int seederPort, bool utp, CancellationToken cancellation)
    {
        var line = await RunToLineAsync(
            ["leech", torrent, output, Format.Text(FreePort.Next()), Format.Text(seederPort), utp ? "default" : "tcp"], TimeSpan.FromMinutes(11), cancellation);
        var json = JsonDocument.Parse(line).RootElement;
        return (json.GetProperty("seconds").GetDouble(), json.GetProperty("bytes").GetInt64());
    }

    /// <summary>
    /// A TCP-only seeder of the given torrents, each limited to <paramref name="uploadLimit"/> bytes/s (0: none),
    /// which connects to 127.0.0.1:<paramref name="connectTo"/> (0: nobody) whenever a torrent has no peer.
    /// </summary>
    public static async Task<(ExternalProcess Process, int Port)> SeedAsync(
        IEnumerable<(string Torrent, string DataFolder)> torrents, int uploadLimit, int connectTo, CancellationToken cancellation)
    {
        var port = FreePort.Next();
        var process = ExternalProcess.Start(
            Python, [Script, "seed", Format.Text(port), Format.Text(uploadLimit), Format.Text(connectTo), .. torrents.SelectMany(pair => new[] { pair.Torrent, pair.DataFolder })],
            package: "python3-libtorrent");
        try
        {
            await Bounded.UntilAsync(() => Task.FromResult(process.Output.Contains("seeding", StringComparison.Ordinal) || process.HasExited),
                TimeSpan.FromSeconds(60), "the bare libtorrent seeder to start", cancellation);
            if (process.HasExited)
            {
                throw new BenchStepException($"the bare libtorrent seeder exited: {process.Output}");
            }
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        return (process, port);
    }

    private static async Task<string> RunToLineAsync(string[] arguments, TimeSpan timeout, CancellationToken cancellation)
    {
        await using var process = ExternalProcess.Start(Python, [Script, .. arguments], package: "python3-libtorrent");
        int exit;
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            linked.CancelAfter(timeout);
            exit = await process.WaitForExitAsync(Timeout.InfiniteTimeSpan).WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new BenchStepException($"bare libtorrent ({arguments[0]}) did not finish within {timeout.TotalMinutes:0} min");
        }

        var line = process.Output.Split('\n').LastOrDefault(text => text.StartsWith('{'));
        if (exit != 0 || line is null)
        {
            throw new BenchStepException($"bare libtorrent ({arguments[0]}) failed with {exit}: {process.Output}");
        }

        return line;
    }
}
