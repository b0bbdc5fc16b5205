namespace TorrentCluster.Testing;

/// <summary>Where a project of the repository put its build output: same configuration and framework as the tests.</summary>
public static class BuildOutput
{
    /// <param name="assemblyName">The assembly's name when the project does not follow TorrentCluster.{project} (tcctl).</param>
    public static string Assembly(string project, string? assemblyName = null)
    {
        var testOutput = Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory);
        var framework = Path.GetFileName(testOutput);
        var configuration = Path.GetFileName(Path.GetDirectoryName(testOutput));
        var path = Path.Combine(RepositoryRoot, "src", project, "bin", configuration!, framework, $"{assemblyName ?? "TorrentCluster." + project}.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"build src/{project} first", path);
    }

    /// <summary>The checkout the tests were built from: the folder above them that holds TorrentCluster.sln.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var testOutput = Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory);
            var root = testOutput;
            while (root is not null && !File.Exists(Path.Combine(root, "TorrentCluster.sln")))
            {
                root = Path.GetDirectoryName(root);
            }

            return root ?? throw new InvalidOperationException("TorrentCluster.sln not found above " + testOutput);
        }
    }
}
