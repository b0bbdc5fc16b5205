using System.CommandLine;

namespace TorrentCluster.Cli.Commands;

/// <summary>
/// Runs a command's body and turns its failure into one line on stderr and an exit code, so that no command prints
/// a stack trace and every error reads the same.
/// </summary>
internal static class CommandActions
{
    public static void Run(this Command command, GlobalOptions globals, Func<Invocation, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parse, cancellation) =>
        {
            try
            {
                return await body(new Invocation(parse, globals), cancellation);
            }
            catch (CliException failure)
            {
                await Console.Error.WriteLineAsync($"tcctl: {failure.Message}");
                return failure.ExitCode;
            }
            catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
            {
                // The config file or a .torrent file could not be read or written.
                await Console.Error.WriteLineAsync($"tcctl: {failure.Message}");
                return ExitCodes.Failed;
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                await Console.Error.WriteLineAsync("tcctl: interrupted");
                return ExitCodes.Interrupted;
            }
        });
}
