using System.CommandLine;

namespace TorrentCluster.Cli.Commands;

/// <summary>The root command: the table of contents of tcctl.</summary>
internal static class TcctlCommand
{
    public static RootCommand Create()
    {
        var globals = new GlobalOptions();
        var root = new RootCommand("""
            tcctl: a command line for a TorrentCluster fleet, a client of its JSON-RPC API.
            Errors are one line on stderr with exit code 1 (2 for a wrong command line, 130 when Ctrl+C ends a watch).

            Examples:
              tcctl login http://127.0.0.1:1337
              tcctl add ubuntu.torrent --category distros --watch
              tcctl ls --query 'is:downloading' --sort download_rate
              tcctl rm --query 'ratio >= 2' --data --yes
            """)
        {
            globals.Output,
            globals.Context,
            LoginCommand.Create(globals),
            LogoutCommand.Create(globals),
            ContextCommand.Create(globals),
            AddCommand.Create(globals),
            ListCommand.Create(globals),
            PeersCommand.Create(globals),
            RemoveCommand.Create(globals),
            TopCommand.Create(globals),
            CompletionCommand.Create(globals),
        };
        foreach (var command in TorrentDetailCommands.Create(globals).Concat(TorrentActionCommands.Create(globals)).Concat(FleetCommands.Create(globals)))
        {
            root.Add(command);
        }

        HelpWithExamples.Apply(root);
        return root;
    }
}
