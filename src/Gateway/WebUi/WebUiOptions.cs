namespace TorrentCluster.Gateway.WebUi;

/// <summary>A built Porla-compatible web UI served from a folder, bound from <c>TorrentCluster:Gateway:WebUi</c>.</summary>
public sealed class WebUiOptions
{
    public const string SectionName = "TorrentCluster:Gateway:WebUi";

    /// <summary>
    /// The folder holding the built UI (<c>index.html</c> and its assets), served at the base path; none by default.
    /// It is read as it is on disk, except <c>index.html</c>, which is read once at start: restart after replacing it.
    /// </summary>
    public string? Path { get; set; }
}
