namespace TorrentCluster.Testing;

/// <summary>A folder of its own for one test, deleted with everything in it when disposed.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "torrentcluster-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process of the test may still hold a file for a moment; the OS cleans /tmp.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
