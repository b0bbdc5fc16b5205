using System.Globalization;
using System.Text;
using TorrentCluster.Testing;

namespace TorrentCluster.Bench.PeersThroughput;

/// <summary>One wrk run POSTing the same body with the given headers; its rate, p99 and failures.</summary>
internal sealed record WrkRun(long Requests, double Seconds, double P99Milliseconds, long Non2xx, long SocketErrors)
{
    private const string Marker = "WRK_RESULT";

    public double RequestsPerSecond => Requests / Seconds;

    public static async Task<WrkRun> RunAsync(WrkOptions options, Uri url, string body, IReadOnlyDictionary<string, string> headers, string folder)
    {
        var script = Path.Combine(folder, $"wrk-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, Script(body, headers));
        await using var wrk = ExternalProcess.Start(
            "wrk",
            ["-t", Text(options.Threads), "-c", Text(options.Connections), "-d", $"{Text(options.Seconds)}s", "--latency", "-s", script, url.ToString()],
            package: "wrk");
        var exit = await wrk.WaitForExitAsync(TimeSpan.FromSeconds(options.Seconds + 60));
        var line = wrk.Output.Split('\n').FirstOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal));
        if (exit != 0 || line is null)
        {
            throw new InvalidOperationException($"wrk failed ({exit}):\n{wrk.Output}");
        }

        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new WrkRun(
            long.Parse(fields[1], CultureInfo.InvariantCulture),
            long.Parse(fields[2], CultureInfo.InvariantCulture) / 1e6,
            double.Parse(fields[3], CultureInfo.InvariantCulture) / 1000.0,
            long.Parse(fields[4], CultureInfo.InvariantCulture),
            long.Parse(fields[5], CultureInfo.InvariantCulture));
    }

    // wrk's Lua: a fixed POST, and one machine-readable line at the end (latencies are in microseconds).
    private static string Script(string body, IReadOnlyDictionary<string, string> headers)
    {
        var lua = new StringBuilder();
        lua.AppendLine("wrk.method = \"POST\"");
        lua.AppendLine(CultureInfo.InvariantCulture, $"wrk.body = [==[{body}]==]");
        foreach (var (name, value) in headers)
        {
            lua.AppendLine(CultureInfo.InvariantCulture, $"wrk.headers[\"{name}\"] = [==[{value}]==]");
        }

        lua.AppendLine("done = function(summary, latency, requests)");
        lua.AppendLine("  local e = summary.errors");
        lua.AppendLine($"  io.write(string.format(\"{Marker} %d %d %.1f %d %d\\n\", summary.requests, summary.duration, latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))");
        lua.AppendLine("end");
        return lua.ToString();
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
