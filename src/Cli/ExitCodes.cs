namespace TorrentCluster.Cli;

/// <summary>What tcctl's exit code says; docs/cli.md lists them for scripts.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The call failed: the API's error, an unreachable gateway, a refused token, a torrent that failed.</summary>
    public const int Failed = 1;

    /// <summary>The command line itself was wrong (System.CommandLine's parse errors), or a confirmation was refused.</summary>
    public const int Usage = 2;

    /// <summary>Ctrl+C stopped a live view (128 + SIGINT, as shells count it); the torrents go on.</summary>
    public const int Interrupted = 130;
}
