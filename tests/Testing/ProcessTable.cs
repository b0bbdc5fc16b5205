using System.Globalization;

namespace TorrentCluster.Testing;

/// <summary>Processes as Linux's /proc shows them, for tests that check what a script or orchestrator left running.</summary>
public static class ProcessTable
{
    /// <summary>
    /// Runs and is not a zombie (a killed process keeps its pid until its parent reaps it), read from
    /// /proc/PID/stat, whose state letter follows the command name in parentheses.
    /// </summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// Sends a signal by process id with kill(1) (<c>TERM</c> as Kubernetes stops a pod, <c>INT</c> as Ctrl+C,
    /// <c>KILL</c>), without waiting for the process to act on it.
    /// </summary>
    public static async Task SignalAsync(int pid, string signal)
    {
        using var kill = System.Diagnostics.Process.Start("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>The process's resident memory (VmRSS of /proc/PID/status) in bytes.</summary>
    public static long ResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status").First(entry => entry.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}
