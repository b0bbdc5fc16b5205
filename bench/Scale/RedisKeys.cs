using System.Diagnostics;
using System.Globalization;
using System.Text;
using TorrentCluster.Testing;

namespace TorrentCluster.Bench.Scale;

/// <summary>
/// What a Redis server holds, key by key, as an operator sees it with redis-cli: every key (SCAN) and its
/// <c>MEMORY USAGE ... SAMPLES 0</c> (exact, nested values included). The password goes by REDISCLI_AUTH, never
/// on a command line.
/// </summary>
internal static class RedisKeys
{
    public static async Task<IReadOnlyDictionary<string, long>> MemoryByKeyAsync(RedisServer redis, CancellationToken cancellation)
    {
        var keys = (await RunAsync(redis, ["--scan"], stdin: null, cancellation))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
        {
            return new Dictionary<string, long>();
        }

        var commands = new StringBuilder();
        foreach (var key in keys)
        {
            commands.Append("MEMORY USAGE \"").Append(key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\" SAMPLES 0\n");
        }

        var sizes = (await RunAsync(redis, [], commands.ToString(), cancellation)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (sizes.Length != keys.Count)
        {
            throw new BenchStepException($"redis-cli answered {sizes.Length} MEMORY USAGE lines for {keys.Count} keys");
        }

        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            // A key removed between SCAN and MEMORY USAGE answers nothing (an empty line): it holds nothing now.
            result[keys[i]] = long.TryParse(sizes[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var bytes) ? bytes : 0;
        }

        return result;
    }

    private static async Task<string> RunAsync(RedisServer redis, string[] arguments, string? stdin, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo("redis-cli")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] all = ["-h", "127.0.0.1", "-p", redis.Port.ToString(CultureInfo.InvariantCulture), .. arguments];
        foreach (var argument in all)
        {
            start.ArgumentList.Add(argument);
        }

        if (redis.Password is not null)
        {
            start.Environment["REDISCLI_AUTH"] = redis.Password;
        }

        using var process = Process.Start(start) ?? throw new BenchStepException("redis-cli did not start (apt-get install -y redis-tools)");
        try
        {
            await process.StandardInput.WriteAsync(stdin ?? "");
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(cancellation);
            var error = process.StandardError.ReadToEndAsync(cancellation);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0)
            {
                throw new BenchStepException($"redis-cli {string.Join(' ', arguments)} failed: {await error}");
            }

            return await output;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }
}
