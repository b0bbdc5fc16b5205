namespace TorrentCluster.Silo.Storage;

/// <summary>Where <see cref="FileGrainStorage"/> keeps grain state.</summary>
public sealed class FileGrainStorageOptions
{
    /// <summary>The folder; one sub-folder per grain type and state name.</summary>
    public string RootPath { get; set; } = Path.Combine("data", "state");
}
