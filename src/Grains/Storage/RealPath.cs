namespace TorrentCluster.Grains.Storage;

/// <summary>
/// A path as the operating system will follow it: every symbolic link among the parts that exist replaced by its
/// target, and <c>..</c> applied after the link before it is followed (as the kernel does), not textually. Parts
/// that do not exist yet are appended as they are, so a folder the engine will create resolves too.
/// </summary>
internal static class RealPath
{
    // Linux gives up after 40 links (ELOOP); so do we, which also ends link cycles.
    private const int MaxLinks = 40;

    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    /// <exception cref="IOException">A link cycle, or a part that cannot be examined.</exception>
    /// <exception cref="UnauthorizedAccessException">A part that cannot be examined.</exception>
    public static string Resolve(string fullyQualifiedPath)
    {
        var links = 0;
        return Walk(fullyQualifiedPath, ref links);
    }

    private static string Walk(string path, ref int links)
    {
        var root = Path.GetPathRoot(path) ?? throw new ArgumentException($"'{path}' is not fully qualified", nameof(path));
        var current = root;
        foreach (var part in path[root.Length..].Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                // current holds no links, so its parent is where ".." really leads.
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Join(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"more than {MaxLinks} symbolic links on the way to '{path}'");
            }

            current = Walk(Path.IsPathFullyQualified(target) ? target : Path.Join(current, target), ref links);
        }

        return current;
    }
}
