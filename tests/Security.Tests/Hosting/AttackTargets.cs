namespace TorrentCluster.Security.Tests.Hosting;

/// <summary>
/// The places hostile inputs aim at, all inside one temporary folder except the /tmp names: the host's data folder
/// (the only place it may write), a sentinel folder beside it holding canary files, a symlink inside the downloads
/// folder that points at the sentinel, and fresh names directly under /tmp.
/// </summary>
public sealed record AttackTargets(string Root)
{
    public const string CanaryName = "canary.txt";
    public const string CanaryText = "written by the test; must survive every hostile input";
    public const string EscapeLinkName = "escape";

    private readonly string _tmpTag = "torrentcluster-hostile-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The host's data folder: state, logs, resume data and <c>downloads</c>.</summary>
    public string DataPath => Path.Combine(Root, "data");

    /// <summary>The default (and only) storage root.</summary>
    public string DownloadsPath => Path.Combine(DataPath, "downloads");

    /// <summary>A folder outside the data folder that hostile paths and names try to reach.</summary>
    public string SentinelPath => Path.Combine(Root, "sentinel");

    /// <summary>A symlink inside the storage root pointing at the sentinel: a path through it must be refused.</summary>
    public string EscapeLinkPath => Path.Combine(DownloadsPath, EscapeLinkName);

    /// <summary>Names under /tmp that hostile paths name absolutely; none may exist after the inputs.</summary>
    public IReadOnlyList<string> TmpPaths => [Path.Combine("/tmp", _tmpTag), Path.Combine("/tmp", _tmpTag + "-moved")];

    public void Create()
    {
        Directory.CreateDirectory(DownloadsPath);
        Directory.CreateDirectory(SentinelPath);
        File.WriteAllText(Path.Combine(SentinelPath, CanaryName), CanaryText);
        File.CreateSymbolicLink(EscapeLinkPath, SentinelPath);
    }
}
