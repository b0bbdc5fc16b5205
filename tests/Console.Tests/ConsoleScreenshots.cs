using Microsoft.Playwright;

namespace TorrentCluster.Console.Tests;

/// <summary>
/// Screenshots of the console's pages for docs/images, written only when TC_CONSOLE_SCREENSHOTS names a folder
/// (the repository's docs/images when they are refreshed by hand): by default a test writes nothing outside temp.
/// </summary>
internal static class ConsoleScreenshots
{
    public const string Variable = "TC_CONSOLE_SCREENSHOTS";

    /// <summary>Saves the page's viewport as <paramref name="fileName"/> in the folder, when one is named.</summary>
    public static async Task SaveAsync(IPage page, string fileName)
    {
        var folder = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, fileName) });
    }
}
