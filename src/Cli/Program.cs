using TorrentCluster.Cli.Commands;
using TorrentCluster.Cli.Rendering;

// tcctl: every command is a client of the gateway's public JSON-RPC API; see docs/cli.md.
Terminal.Configure();
return await TcctlCommand.Create().Parse(args).InvokeAsync();
