using System.Net;
using System.Text;

namespace TorrentCluster.Gateway.FleetConsole;

/// <summary>
/// Names every module of the console in its page as a <c>modulepreload</c> link, where the page marks the place.
/// Without them a browser finds the modules one import level at a time (app, page, page helpers, dom and format:
/// four round trips after the page before the first call to the API), the waterfall that took most of a cold
/// load's time; with them it asks for all of them at once, as soon as it reads the page's head.
/// </summary>
internal static class ModulePreloads
{
    /// <summary>The comment in index.html that the links replace.</summary>
    public const string Marker = "<!-- module preloads -->";

    public static byte[] Insert(byte[] page, IEnumerable<string> modulePaths)
    {
        var text = Encoding.UTF8.GetString(page);
        if (!text.Contains(Marker, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The console's index.html has lost its '{Marker}' line.");
        }

        var links = modulePaths
            .Order(StringComparer.Ordinal)
            .Select(path => $"<link rel=\"modulepreload\" href=\"{WebUtility.HtmlEncode(path)}\">");
        return Encoding.UTF8.GetBytes(text.Replace(Marker, string.Join("\n  ", links), StringComparison.Ordinal));
    }
}
