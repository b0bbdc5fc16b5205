using Microsoft.Extensions.Options;
using TorrentCluster.Grains.Storage;

namespace TorrentCluster.Grains.Hosting;

/// <summary>Checks the storage roots at start: each must be a folder path, and none may open the whole disk.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.AllowedRoots.Count; i++)
        {
            var setting = $"{StorageOptions.SectionName}:AllowedRoots:{i}";
            var root = options.AllowedRoots[i];
            if (string.IsNullOrWhiteSpace(root) || root.Contains('\0', StringComparison.Ordinal))
            {
                failures.Add($"{setting} is empty or not a path");
                continue;
            }

            // A root at the top of the file system (directly, or through a link) would let callers write anywhere.
            var full = Path.GetFullPath(root);
            if (IsFileSystemRoot(full) || IsFileSystemRoot(RealPath.Resolve(full)))
            {
                failures.Add($"{setting} '{root}' is the root of the file system: name the folder torrents may go in");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsFileSystemRoot(string path) => string.Equals(Path.GetPathRoot(path), path, StringComparison.Ordinal);
}
