using System.Globalization;
using Spectre.Console;

namespace TorrentCluster.Cli.Rendering;

/// <summary>Whether a person is watching: live redraws and prompts need a terminal on both ends.</summary>
internal static class Terminal
{
    // Wide enough for a 64-character info-hash, an address and a client name side by side in a log.
    private const int RedirectedWidth = 240;

    public static bool IsInteractive =>
        !Console.IsOutputRedirected && !Console.IsInputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>
    /// Output to a pipe or a file has no width; Spectre would assume 80 columns and cut addresses and hashes short.
    /// $COLUMNS wins when set.
    /// </summary>
    public static void Configure()
    {
        if (!Console.IsOutputRedirected)
        {
            return;
        }

        AnsiConsole.Profile.Width = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns > 0
            ? columns
            : RedirectedWidth;
    }
}
