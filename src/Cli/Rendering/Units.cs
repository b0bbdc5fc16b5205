using System.Globalization;

namespace TorrentCluster.Cli.Rendering;

/// <summary>Sizes, rates and durations in binary units, as people read them in a terminal.</summary>
internal static class Units
{
    private static readonly string[] Prefixes = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

    /// <summary>A size; a negative one is unknown (Porla's -1 for a magnet link without its metadata yet): "--".</summary>
    public static string Bytes(long bytes)
    {
        if (bytes < 0)
        {
            return "--";
        }

        double value = bytes;
        var prefix = 0;
        while (value >= 1024 && prefix < Prefixes.Length - 1)
        {
            value /= 1024;
            prefix++;
        }

        return prefix == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} B")
            : string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {Prefixes[prefix]}");
    }

    /// <summary>A rate in MiB/s, the unit the progress bars keep so that their columns line up.</summary>
    public static string MibPerSecond(long bytesPerSecond) =>
        string.Create(CultureInfo.InvariantCulture, $"{bytesPerSecond / (1024.0 * 1024.0):0.0} MiB/s");

    public static string Rate(long bytesPerSecond) => Bytes(bytesPerSecond) + "/s";

    public static string Percent(double fraction) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(Math.Clamp(fraction, 0, 1) * 1000) / 10:0.0}%");

    /// <summary>Porla's <c>eta</c>: seconds, or -1 (or less) when unknown.</summary>
    public static string Eta(long seconds)
    {
        if (seconds < 0)
        {
            return "--";
        }

        var span = TimeSpan.FromSeconds(seconds);
        return span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h{span.Minutes:00}m")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}:{span.Seconds:00}");
    }
}
