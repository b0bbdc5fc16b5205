namespace TorrentCluster.Engine;

/// <summary>
/// Checks every part of a request in C# before it crosses into the engine, so mistakes get .NET's argument
/// exceptions and a refused request leaves nothing in the session.
/// </summary>
internal static class AddRequestValidation
{
    private static readonly string[] TrackerSchemes = ["http", "https", "udp"];
    private static readonly string[] WebSeedSchemes = ["http", "https"];

    public static void Validate(AddTorrentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.SavePath))
        {
            throw new ArgumentException("A save path is required.", nameof(request));
        }

        RequireNoNul(request.SavePath, "The save path");
        RequireNoNul(request.MagnetUri, "The magnet link");
        RequireNoNul(request.Name, "The name");
        var sources = (request.TorrentFile is { Length: > 0 } ? 1 : 0) + (string.IsNullOrEmpty(request.MagnetUri) ? 0 : 1);
        if (sources > 1)
        {
            throw new ArgumentException("Give a .torrent file or a magnet link, not both.", nameof(request));
        }

        if (sources == 0 && request.ResumeData is not { Length: > 0 })
        {
            throw new ArgumentException("A .torrent file, a magnet link or resume data is required.", nameof(request));
        }

        if (request.UploadLimit < 0 || request.DownloadLimit < 0 || request.MaxConnections < 0 || request.MaxUploads < 0)
        {
            throw new ArgumentException("Limits are 0 (none) or positive.", nameof(request));
        }

        RequireUrls(request.Trackers, "trackers", TrackerSchemes);
        RequireUrls(request.UrlSeeds, "url_seeds", WebSeedSchemes);
        RequireUrls(request.HttpSeeds, "http_seeds", WebSeedSchemes);
    }

    private static void RequireNoNul(string? text, string what)
    {
        if (text is not null && text.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{what} contains a NUL character.");
        }
    }

    // libtorrent takes any string as a tracker or web seed and fails later, or never, with the torrent already
    // added: refuse here what can never be fetched.
    private static void RequireUrls(IReadOnlyList<string> urls, string what, string[] schemes)
    {
        ArgumentNullException.ThrowIfNull(urls, what);
        for (var i = 0; i < urls.Count; i++)
        {
            var url = urls[i];
            if (string.IsNullOrWhiteSpace(url))
            {
                throw new ArgumentException($"{what}[{i}] is empty: give a URL or leave it out.");
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !schemes.Contains(uri.Scheme, StringComparer.Ordinal)
                || url.Any(char.IsControl) || string.IsNullOrEmpty(uri.Host))
            {
                throw new ArgumentException($"{what}[{i}] '{Printable(url)}' is not an absolute {string.Join(" or ", schemes)} URL.");
            }
        }
    }

    private static string Printable(string text) =>
        new([.. text.Take(200).Select(character => char.IsControl(character) ? '?' : character)]);
}
