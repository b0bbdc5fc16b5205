using System.Globalization;

namespace TorrentCluster.Bench.Scale;

/// <summary>A process's resident set, read from /proc as ps and top read it.</summary>
internal static class ProcessMemory
{
    public static long ResidentBytes(int processId)
    {
        foreach (var line in File.ReadLines($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new BenchStepException($"no VmRSS for process {processId}");
    }
}
