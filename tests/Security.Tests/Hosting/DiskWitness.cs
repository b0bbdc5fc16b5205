namespace TorrentCluster.Security.Tests.Hosting;

/// <summary>
/// Looks for what hostile inputs might have done to the disk outside the host's data folder: anything new in the
/// test's temporary folder beside <c>data/</c>, anything in the sentinel but its untouched canary, the escape
/// symlink replaced, the /tmp names created, or anything new in the test process's working folder.
/// </summary>
public sealed class DiskWitness
{
    private readonly AttackTargets _targets;
    private readonly HashSet<string> _workingFolderBefore;

    public DiskWitness(AttackTargets targets)
    {
        _targets = targets;
        _workingFolderBefore = Entries(Environment.CurrentDirectory);
    }

    /// <summary>Every trace found, or none.</summary>
    public IReadOnlyList<string> Traces()
    {
        var traces = new List<string>();
        var data = Path.TrimEndingDirectorySeparator(_targets.DataPath);
        var sentinel = Path.TrimEndingDirectorySeparator(_targets.SentinelPath);
        var canary = Path.Combine(sentinel, AttackTargets.CanaryName);
        foreach (var entry in Entries(_targets.Root, skip: data))
        {
            if (entry != data && !entry.StartsWith(data + "/", StringComparison.Ordinal) && entry != sentinel && entry != canary)
            {
                traces.Add($"{entry} appeared outside the data folder");
            }
        }

        if (!File.Exists(canary) || File.ReadAllText(canary) != AttackTargets.CanaryText)
        {
            traces.Add($"{canary} was deleted or changed");
        }

        if (new FileInfo(_targets.EscapeLinkPath).LinkTarget != _targets.SentinelPath)
        {
            traces.Add($"{_targets.EscapeLinkPath} is no longer the symlink the test made");
        }

        traces.AddRange(_targets.TmpPaths.Where(path => Path.Exists(path)).Select(path => $"{path} was created"));
        traces.AddRange(Entries(Environment.CurrentDirectory).Except(_workingFolderBefore).Select(path => $"{path} appeared in the test's working folder"));
        return traces;
    }

    /// <summary>Every file, folder and link below <paramref name="root"/>, without following links or entering <paramref name="skip"/>.</summary>
    private static HashSet<string> Entries(string root, string? skip = null)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([root]);
        while (pending.Count > 0 && found.Count < 1_000_000)
        {
            foreach (var entry in new DirectoryInfo(pending.Pop()).EnumerateFileSystemInfos())
            {
                found.Add(entry.FullName);
                if (entry is DirectoryInfo && entry.LinkTarget is null && entry.FullName != skip)
                {
                    pending.Push(entry.FullName);
                }
            }
        }

        return found;
    }
}
