using System.Text;
using System.Text.RegularExpressions;

namespace TorrentCluster.Gateway.WebUi;

/// <summary>
/// The UI's <c>index.html</c> as Porla serves it behind a base path: <c>%BASE_PATH%</c> becomes the base path
/// (empty at the root, which the UI reads as "no prefix"), and the build's relative <c>href="./x"</c> and
/// <c>src="./x"</c> become absolute under the base path, so that a client route such as <c>/torrents/x</c> still
/// finds <c>/assets/...</c>.
/// </summary>
internal static partial class WebUiIndex
{
    public const string BasePathMarker = "%BASE_PATH%";

    public static byte[] Render(string html, string basePath) =>
        Encoding.UTF8.GetBytes(RelativeReference().Replace(html.Replace(BasePathMarker, basePath, StringComparison.Ordinal), $"$1=\"{basePath}/"));

    [GeneratedRegex("""\b(href|src)="\./""")]
    private static partial Regex RelativeReference();
}
