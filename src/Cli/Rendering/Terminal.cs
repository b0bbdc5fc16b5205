using Spectre.Console;

namespace TorrentCluster.Cli.Rendering;

/// <summary>Whether a person is watching: live redraws and prompts need a terminal on both ends.</summary>
internal static class Terminal
{
    public static bool IsInteractive =>
        !Console.IsOutputRedirected && !Console.IsInputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
}
