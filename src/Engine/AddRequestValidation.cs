namespace TorrentCluster.Engine;

/// <summary>Checks a request in C# before it crosses into the engine, so mistakes get .NET's argument exceptions.</summary>
internal static class AddRequestValidation
{
    public static void Validate(AddTorrentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.SavePath))
        {
            throw new ArgumentException("A save path is required.", nameof(request));
        }

        if (request.SavePath.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("The save path contains a NUL character.", nameof(request));
        }

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
    }
}
