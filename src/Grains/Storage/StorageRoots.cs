using TorrentCluster.Abstractions.Errors;
using TorrentCluster.Grains.Hosting;

namespace TorrentCluster.Grains.Storage;

/// <summary>
/// The folders of this silo's disk that callers may name (<see cref="StorageOptions.AllowedRoots"/>), and the one
/// check every caller-given path goes through before anything touches the disk. It runs on the silo that owns the
/// disk, because gateways and silos may be different machines with different roots.
/// </summary>
public sealed class StorageRoots
{
    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>Creates the roots (folders that are missing are made) and resolves their own links once.</summary>
    public StorageRoots(IReadOnlyList<string> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        if (roots.Count == 0)
        {
            throw new ArgumentException("At least one storage root is required.", nameof(roots));
        }

        Roots = [.. roots.Select(root => RealPath.Resolve(Directory.CreateDirectory(Path.GetFullPath(root)).FullName))];
    }

    /// <summary>The roots, resolved: absolute, without links.</summary>
    public IReadOnlyList<string> Roots { get; }

    /// <summary>The first root: where torrents without a save path go, and what relative paths resolve against.</summary>
    public string Default => Roots[0];

    /// <summary>The roots of the options: the configured ones, or the data folder's <c>downloads</c>.</summary>
    public static StorageRoots From(StorageOptions storage, SiloEngineOptions engine)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(engine);
        return new StorageRoots(storage.AllowedRoots.Count > 0 ? storage.AllowedRoots : [engine.DownloadsPath]);
    }

    /// <summary>
    /// The folder a caller named, resolved as the operating system will follow it (relative to <see cref="Default"/>,
    /// links followed), when it lies inside a root. Nothing is created or changed.
    /// </summary>
    /// <param name="requested">The caller's path; null for <see cref="Default"/>.</param>
    /// <param name="parameter">The parameter's name in the caller's terms, for the error message.</param>
    /// <exception cref="TorrentClusterException">InvalidArgument: the path is empty or lies outside every root.</exception>
    public string Resolve(string? requested, string parameter)
    {
        if (requested is null)
        {
            return Default;
        }

        if (string.IsNullOrWhiteSpace(requested) || requested.Contains('\0', StringComparison.Ordinal))
        {
            throw new TorrentClusterException(
                ClusterErrorCode.InvalidArgument, $"{parameter} '{Printable(requested)}' is not a path; leave it out for the default folder");
        }

        // Not Path.GetFullPath: it applies ".." to the text, where the kernel applies it after following a link.
        var absolute = Path.IsPathFullyQualified(requested) ? requested : Path.Combine(Default, requested);
        string resolved;
        try
        {
            resolved = RealPath.Resolve(absolute);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new TorrentClusterException(ClusterErrorCode.InvalidArgument, $"{parameter} '{Printable(requested)}' cannot be resolved: {exception.Message}");
        }

        if (!Roots.Any(root => IsWithin(resolved, root)))
        {
            var through = string.Equals(resolved, Path.GetFullPath(absolute), PathComparison) ? string.Empty : $" (through a link, to '{resolved}')";
            throw new TorrentClusterException(
                ClusterErrorCode.InvalidArgument,
                $"{parameter} '{Printable(requested)}' leads outside the storage roots{through}; allowed: {string.Join(", ", Roots)}");
        }

        return resolved;
    }

    private static bool IsWithin(string path, string root) =>
        path.Equals(root, PathComparison)
        || path.StartsWith(Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar, PathComparison);

    private static string Printable(string text) =>
        new([.. text.Take(300).Select(character => char.IsControl(character) ? '?' : character)]);
}
