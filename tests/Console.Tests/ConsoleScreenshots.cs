using Microsoft.Playwright;

namespace TorrentCluster.Console.Tests;

/// <summary>
/// Saves a page's screenshot as <c>console-NAME.png</c> in the folder <c>TC_CONSOLE_SCREENSHOTS</c> names (the
/// repository's docs/images when they are refreshed by hand); writes nothing when it is unset.
/// </summary>
public static class ConsoleScreenshots
{
    public const string Variable = "TC_CONSOLE_SCREENSHOTS";

    public static async Task SaveAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"console-{name}.png") });
    }
}
