using System.Globalization;
using System.Text.RegularExpressions;
using TorrentCluster.Testing;

namespace TorrentCluster.Bench.Scale;

/// <summary>What wrk measured: requests a second, the 99th percentile latency, and responses that were not 2xx.</summary>
internal sealed record WrkResult(
    double RequestsPerSecond, double P99Milliseconds, long Requests, long Non2xx, long Errors, string FirstError, long WithoutPeers, string FirstWithoutPeers, string SocketErrors);

/// <summary>
/// wrk -t2 -c64 for a fixed time, POSTing one JSON body with the given headers (a Lua script sets them). Every
/// answer is read, for ours and Transmission alike: error answers (JSON-RPC errors come with HTTP 200) are counted
/// so that a rate of errors cannot pass for a rate of peer lists, and so are answers with an empty peer list.
/// </summary>
internal static partial class Wrk
{
    public static async Task<WrkResult> PostAsync(
        Uri url, string body, IReadOnlyDictionary<string, string> headers, string scriptPath, TimeSpan duration, CancellationToken cancellation)
    {
        var script = "wrk.method = \"POST\"\n" +
                     $"wrk.body = {Lua(body)}\n" +
                     string.Concat(headers.Select(header => $"wrk.headers[{Lua(header.Key)}] = {Lua(header.Value)}\n")) +
                     AnswerCheck;
        await File.WriteAllTextAsync(scriptPath, script, cancellation);
        await using var wrk = ExternalProcess.Start(
            "wrk",
            ["-t2", "-c64", $"-d{(int)duration.TotalSeconds}s", "--latency", "--timeout", "5s", "-s", scriptPath, url.ToString()],
            package: "wrk");
        int exit;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
        {
            timeout.CancelAfter(duration + TimeSpan.FromSeconds(30));
            exit = await wrk.WaitForExitAsync(Timeout.InfiniteTimeSpan).WaitAsync(timeout.Token);
        }

        var output = wrk.Output;
        var rate = RequestsPerSecond().Match(output);
        var p99 = Percentile99().Match(output);
        var requests = Requests().Match(output);
        if (exit != 0 || !rate.Success || !p99.Success || !requests.Success)
        {
            throw new BenchStepException($"wrk against {url} failed ({exit}): {output}");
        }

        var withoutPeers = WithoutPeers().Match(output);
        var errors = ErrorAnswers().Match(output);
        if (!withoutPeers.Success || !errors.Success)
        {
            throw new BenchStepException($"wrk against {url} did not report its answer check: {output}");
        }

        var non2xx = Non2xx().Match(output);
        var socketErrors = SocketErrors().Match(output);
        return new WrkResult(
            double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture),
            Milliseconds(p99.Groups[1].Value, p99.Groups[2].Value),
            long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture),
            non2xx.Success ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            long.Parse(errors.Groups[1].Value, CultureInfo.InvariantCulture),
            errors.Groups[2].Value.Trim(),
            long.Parse(withoutPeers.Groups[1].Value, CultureInfo.InvariantCulture),
            withoutPeers.Groups[2].Value.Trim(),
            socketErrors.Success ? socketErrors.Groups[1].Value.Trim() : "none");
    }

    private const string AnswerCheck = """
        local threads = {}
        function setup(thread) table.insert(threads, thread) end
        function init(args) without_peers = 0; errors = 0; first_error = ""; first_empty = "" end
        function response(status, headers, body)
          if string.find(body, '"error"%s*:%s*{') then
            errors = errors + 1
            if first_error == "" then first_error = string.sub(body, 1, 300) end
          elseif not string.find(body, '"peers"%s*:%s*%[%s*{') then
            without_peers = without_peers + 1
            if first_empty == "" then first_empty = string.sub(body, 1, 300) end
          end
        end
        function done(summary, latency, requests)
          local empty, failed, sample, empty_sample = 0, 0, "", ""
          for _, thread in ipairs(threads) do
            empty = empty + thread:get("without_peers")
            failed = failed + thread:get("errors")
            if sample == "" then sample = thread:get("first_error") end
            if empty_sample == "" then empty_sample = thread:get("first_empty") end
          end
          io.write(string.format("answers without peers: %d %s\n", empty, empty_sample))
          io.write(string.format("error answers: %d %s\n", failed, sample))
        end

        """;

    private static double Milliseconds(string value, string unit) => double.Parse(value, CultureInfo.InvariantCulture) * unit switch
    {
        "us" => 0.001,
        "ms" => 1,
        "s" => 1000,
        "m" => 60_000,
        _ => throw new BenchStepException($"wrk printed a latency in an unknown unit '{unit}'"),
    };

    // A Lua string literal: what we write is printable ASCII (JSON bodies, tokens), quotes and backslashes escaped.
    private static string Lua(string text) => text.All(c => c is >= ' ' and <= '~')
        ? "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\""
        : throw new BenchStepException("a wrk request must be printable ASCII");

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s+99%\s+([0-9.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline)]
    private static partial Regex Percentile99();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"answers without peers: (\d+)(.*)$", RegexOptions.Multiline)]
    private static partial Regex WithoutPeers();

    [GeneratedRegex(@"error answers: (\d+)(.*)$", RegexOptions.Multiline)]
    private static partial Regex ErrorAnswers();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"Socket errors:(.*)$", RegexOptions.Multiline)]
    private static partial Regex SocketErrors();
}
