namespace TorrentCluster.Host.Tests;

/// <summary>
/// One of the PQL listing tests' torrents and what it was made with: the properties the test's own filter reads to
/// know which torrents a query must list.
/// </summary>
internal sealed record PqlTorrent(string Name, long Size, string? Category, string[] Tags, string SavePath)
{
    private static readonly string[] Words = ["ubuntu-desktop", "debian_netinst", "Album FLAC", "movie.1080p", "Podcast"];
    private static readonly string?[] Categories = ["linux", "music", "movies", "books", null];

    /// <summary>The <paramref name="count"/> torrents, varied in name, size (16 KiB to 1.5 MiB), category, tags and save path.</summary>
    public static IReadOnlyList<PqlTorrent> Farm(int count, string root) => [.. Enumerable.Range(0, count).Select(i =>
    {
        var pieces = 1 + i * 7 % 97;
        string[] tags = [.. new[] { i % 3 == 0 ? "iso" : null, i % 4 == 0 ? "lts" : null, i % 7 == 0 ? "rare" : null }.OfType<string>()];
        return new PqlTorrent(
            $"{Words[i % Words.Length]}-{i:D3}",
            (long)pieces * MetadataOnlyTorrent.PieceLength,
            Categories[i / 2 % Categories.Length],
            tags,
            Path.Combine(root, i % 2 == 0 ? "pql-a" : "pql-b"));
    })];

    /// <summary>The number of pieces of 16 KiB that make <see cref="Size"/>.</summary>
    public int Pieces => (int)(Size / MetadataOnlyTorrent.PieceLength);

    public bool HasTag(string tag) => Tags.Contains(tag);
}
