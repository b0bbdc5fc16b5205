using TorrentCluster.Cli.Commands;

// tcctl: every command is a client of the gateway's public JSON-RPC API; see docs/cli.md.
return await TcctlCommand.Create().Parse(args).InvokeAsync();
