namespace TorrentCluster.Cli;

/// <summary>A failure told to the operator as one line on stderr, with the process's exit code.</summary>
internal sealed class CliException(string message, int exitCode = ExitCodes.Failed) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
