using System.Globalization;
using System.Text.RegularExpressions;

namespace TorrentCluster.Testing;

/// <summary>Reads samples out of a Prometheus text scrape, as Prometheus itself would.</summary>
public static partial class MetricsScrape
{
    /// <summary>The sum of a metric's samples whose labels include every one of <paramref name="labels"/>.</summary>
    public static double Sum(string scrape, string name, params string[] labels)
    {
        var total = 0.0;
        foreach (Match sample in Sample().Matches(scrape))
        {
            if (sample.Groups["name"].Value == name && labels.All(label => sample.Groups["labels"].Value.Contains(label, StringComparison.Ordinal)))
            {
                total += double.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return total;
    }

    [GeneratedRegex(@"^(?<name>[a-z_]+)(\{(?<labels>[^}]*)\})? (?<value>[-+0-9.eE]+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
