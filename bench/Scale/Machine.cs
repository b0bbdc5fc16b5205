using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace TorrentCluster.Bench.Scale;

/// <summary>The machine a run measured on, as the table's heading states it.</summary>
internal sealed record Machine(string Cpu, int Cores, string Memory, string Kernel, string Disk, string DotNet, string Libtorrent, string Transmission, string Redis)
{
    public static Machine Describe(string workFolder) => new(
        FirstValue("/proc/cpuinfo", "model name") ?? "unknown",
        Environment.ProcessorCount,
        $"{long.Parse(FirstValue("/proc/meminfo", "MemTotal")!.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1048576.0:0.0} GiB",
        File.ReadAllText("/proc/sys/kernel/osrelease").Trim(),
        $"{Run("findmnt", "-n", "-o", "SOURCE,FSTYPE", "-T", workFolder)} ({DiskKind(workFolder)})",
        RuntimeInformation.FrameworkDescription,
        $"libtorrent-rasterbar {Run("dpkg-query", "-W", "-f", DpkgVersion, "libtorrent-rasterbar2.0")} (our engine and python3-libtorrent)",
        Run("transmission-daemon", "--version").Split('\n')[0],
        Run("redis-server", "--version").Split(' ').FirstOrDefault(part => part.StartsWith("v=", StringComparison.Ordinal))?[2..] ?? "unknown");

    private const string DpkgVersion = "${Version}";

    private static string DiskKind(string folder) => Run("lsblk", "-dn", "-o", "ROTA", Run("findmnt", "-n", "-o", "SOURCE", "-T", folder)) switch
    {
        "0" => "SSD",
        "1" => "rotational or virtual",
        var other => other,
    };

    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    public JsonObject ToJson() => new()
    {
        ["cpu"] = Cpu, ["cores"] = Cores, ["memory"] = Memory, ["kernel"] = Kernel, ["disk"] = Disk,
        ["dotnet"] = DotNet, ["libtorrent"] = Libtorrent, ["transmission"] = Transmission, ["redis"] = Redis,
    };

    private static string? FirstValue(string path, string key) => File.ReadLines(path)
        .Where(line => line.StartsWith(key, StringComparison.Ordinal))
        .Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
        .FirstOrDefault();

    // A description is best effort: a tool that is missing leaves "unknown", it does not fail the run.
    private static string Run(string program, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            return process.WaitForExit(10_000) ? output.Trim() : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
