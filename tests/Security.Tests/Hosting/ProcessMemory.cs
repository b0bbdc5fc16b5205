using System.Globalization;

namespace TorrentCluster.Security.Tests.Hosting;

/// <summary>A process's resident memory now and at its peak, as the kernel counts it (/proc/PID/status).</summary>
public readonly record struct ProcessMemory(long ResidentBytes, long PeakResidentBytes)
{
    public static ProcessMemory Of(int processId)
    {
        var lines = File.ReadAllLines($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/status");
        return new ProcessMemory(Kilobytes(lines, "VmRSS:") * 1024, Kilobytes(lines, "VmHWM:") * 1024);
    }

    public override string ToString() => $"VmRSS {ResidentBytes / (1024 * 1024)} MiB, peak (VmHWM) {PeakResidentBytes / (1024 * 1024)} MiB";

    private static long Kilobytes(string[] lines, string field)
    {
        var line = lines.FirstOrDefault(text => text.StartsWith(field, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"/proc status has no {field}");
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
