using System.Globalization;

namespace TorrentCluster.Bench.Scale;

/// <summary>
/// The user and system CPU time a process (all its threads) has used so far, from /proc/PID/stat. On a machine
/// shared with others it is a steadier cost than wall time: waiting for a core does not count.
/// </summary>
internal static class ProcessCpu
{
    // /proc reports clock ticks of USER_HZ, which Linux fixes at 100 for user space on every architecture it runs on.
    private const double TicksPerSecond = 100;

    public static double Seconds(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 14 (utime) and 15 (stime) of proc(5); the first after the name is field 3.
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks / TicksPerSecond;
    }
}
