namespace TorrentCluster.Security.Tests.Corpus;

/// <summary>
/// Paths a hostile caller gives where the API takes a folder (save_path, torrents.move, presets, fs.space). Every
/// absolute one that a write could follow lands in the test's own sentinel, its own symlink or its own /tmp names,
/// or in a place no write can succeed (procfs, sysfs, /dev/null): this machine's real folders are named only
/// relatively (they must be refused before anything resolves them) and never absolutely.
/// </summary>
public static class HostilePaths
{
    public static IReadOnlyList<string> For(Hosting.AttackTargets targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var sentinel = targets.SentinelPath;
        var downloads = targets.DownloadsPath;
        return
        [
            sentinel,
            sentinel + "/",
            Path.Combine(sentinel, "deeper", "still"),
            downloads + "/../../sentinel",
            downloads + "/./../../sentinel/x",
            downloads + "//..//..//sentinel",
            targets.EscapeLinkPath,
            Path.Combine(targets.EscapeLinkPath, "inside-the-link"),
            Path.Combine(targets.EscapeLinkPath, "..", "sentinel"),
            targets.DataPath,
            Path.Combine(targets.DataPath, "resume"),
            .. targets.TmpPaths,
            "/proc/self/cwd",
            "/proc/self/cwd/../sentinel",
            "/proc/self/root" + sentinel,
            "/proc/self/fd/0",
            "/sys/kernel/hostile",
            "/dev/null",
            "/dev/null/x",
            "..",
            "../..",
            "../../etc",
            "../../../../../../../../../../etc/cron.d",
            "../../../../../../../../../../root/.ssh",
            "../sentinel",
            "../../sentinel",
            EscapeLinkRelative(),
            EscapeLinkRelative() + "/x",
            "./../../sentinel",
            "sub/../../../sentinel",
            "....//....//sentinel",
            "..\\..\\sentinel",
            "%2e%2e/%2e%2e/sentinel",
            "~/.ssh",
            "~root",
            "$HOME",
            "${HOME}/.ssh",
            "",
            " ",
            "\t",
            "\0",
            "sub\0/../../../sentinel",
            "../../sentinel\u0000.ok",
            "sub\n../../sentinel",
            "file:///tmp",
            "\\\\server\\share",
            "C:\\Windows\\System32",
            new string('a', 300),
            string.Join('/', Enumerable.Repeat("deep", 2000)),
            string.Join('/', Enumerable.Repeat("..", 500)) + sentinel,
            "/../../.." + sentinel,
            "sub-folder",
            "sub/dir",
        ];
    }

    private static string EscapeLinkRelative() => Hosting.AttackTargets.EscapeLinkName;
}
