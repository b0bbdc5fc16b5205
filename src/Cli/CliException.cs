namespace TorrentCluster.Cli;

/// <summary>A failure told to the operator as one line on stderr, with the process's exit code.</summary>
internal sealed class CliException(string message, int exitCode = ExitCodes.Failed) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>The gateway (or the token's own expiry) refused the context's token: it can no longer be used.</summary>
    public bool TokenRefused { get; init; }
}
