using System.Globalization;

namespace TorrentCluster.Bench.Scale;

/// <summary>Numbers as the table prints them: invariant culture, thousands separated.</summary>
internal static class Format
{
    public static string N0(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string N1(double value) => value.ToString("#,0.0", CultureInfo.InvariantCulture);

    public static string N2(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Ms(double milliseconds) => milliseconds < 10 ? Fixed(milliseconds, "0.00") + " ms" : Fixed(milliseconds, "#,0") + " ms";

    public static string Seconds(double seconds) => seconds.ToString(seconds < 10 ? "0.00" : "#,0.0", CultureInfo.InvariantCulture) + " s";

    public static string Kb(double bytes) => (bytes / 1000).ToString("#,0.0", CultureInfo.InvariantCulture) + " KB";

    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Fixed(double number, string format) => number.ToString(format, CultureInfo.InvariantCulture);
}
