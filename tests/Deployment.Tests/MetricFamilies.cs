using System.Text.RegularExpressions;

namespace TorrentCluster.Deployment.Tests;

/// <summary>
/// The Prometheus metric families the processes expose: the project's own, by name, and the standard meters
/// (ASP.NET Core, .NET runtime, Orleans) by prefix, since their exact sets change with framework versions.
/// </summary>
internal static partial class MetricFamilies
{
    public static readonly IReadOnlySet<string> Project = new HashSet<string>
    {
        "torrentcluster_torrents",
        "torrentcluster_downloaded_bytes_total",
        "torrentcluster_uploaded_bytes_total",
        "torrentcluster_peers_connected",
        "torrentcluster_engine_download_rate_bytes_per_second",
        "torrentcluster_engine_upload_rate_bytes_per_second",
        "torrentcluster_rpc_calls_total",
        "torrentcluster_rpc_duration_seconds",
    };

    private static readonly string[] StandardPrefixes = ["http_server_", "process_runtime_dotnet_", "dotnet_", "orleans_"];

    private static readonly string[] HistogramSuffixes = ["_bucket", "_sum", "_count"];

    // PromQL words that look like identifiers but name no series.
    private static readonly HashSet<string> Keywords = ["by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool", "offset", "inf", "nan"];

    /// <summary>The family a series name belongs to, or null when it is neither the project's nor standard.</summary>
    public static string? FamilyOf(string series)
    {
        if (Project.Contains(series))
        {
            return series;
        }

        var histogram = HistogramSuffixes.Where(series.EndsWith).Select(suffix => series[..^suffix.Length]).FirstOrDefault();
        if (histogram is not null && Project.Contains(histogram))
        {
            return histogram;
        }

        return StandardPrefixes.Any(prefix => series.StartsWith(prefix, StringComparison.Ordinal)) ? series : null;
    }

    /// <summary>
    /// The series names a PromQL expression reads: strings, label matchers, ranges and grouping clauses removed,
    /// then every identifier that is neither a function call nor a keyword.
    /// </summary>
    public static IReadOnlyList<string> SeriesIn(string expr)
    {
        var stripped = StringLiteral().Replace(expr, " ");
        stripped = Braces().Replace(stripped, " ");
        stripped = Brackets().Replace(stripped, " ");
        stripped = Grouping().Replace(stripped, " ");
        return Identifier().Matches(stripped)
            .Select(m => m.Value)
            .Where(word => !Keywords.Contains(word.ToLowerInvariant()))
            .ToList();
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Braces();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    // An identifier not preceded by a word character, '$' or '.', and not followed by '(' (a function call).
    [GeneratedRegex(@"(?<![\w$.])[a-zA-Z_:][a-zA-Z0-9_:]*\b(?!\s*\()")]
    private static partial Regex Identifier();
}
