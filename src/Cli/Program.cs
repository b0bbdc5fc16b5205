using TorrentCluster.Cli;
using TorrentCluster.Cli.Commands;
using TorrentCluster.Cli.Rendering;

// tcctl: every command is a client of the gateway's public JSON-RPC API; see docs/cli.md.
Terminal.Configure();
var parsed = TcctlCommand.Create().Parse(args);
if (parsed.Action is System.CommandLine.Invocation.ParseErrorAction parseError)
{
    // The error alone, on stderr; tcctl COMMAND --help has the rest.
    parseError.ShowHelp = false;
}

var exitCode = await parsed.InvokeAsync();
// System.CommandLine answers a wrong command line with 1, as it does a failed call; scripts can tell them apart.
return parsed.Errors.Count > 0 ? ExitCodes.Usage : exitCode;
