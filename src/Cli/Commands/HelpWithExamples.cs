using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace TorrentCluster.Cli.Commands;

/// <summary>
/// Commands are written with their whole help text (a summary line, then notes and examples). The summary alone
/// stays the description, so that command lists read one line per command; the rest is printed after the
/// command's own help.
/// </summary>
internal static class HelpWithExamples
{
    public static void Apply(RootCommand root)
    {
        var details = new Dictionary<Command, string>();
        Split(root, details);
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is SynchronousCommandLineAction standard)
            {
                help.Action = new DetailsAfterHelp(standard, details);
            }
        }
    }

    private static void Split(Command command, Dictionary<Command, string> details)
    {
        if (command.Description is { } text && text.IndexOf('\n', StringComparison.Ordinal) is var newline and > 0)
        {
            command.Description = text[..newline].TrimEnd();
            details[command] = text[(newline + 1)..].Trim('\n');
        }

        foreach (var subcommand in command.Subcommands)
        {
            Split(subcommand, details);
        }
    }

    private sealed class DetailsAfterHelp(SynchronousCommandLineAction standard, Dictionary<Command, string> details) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var exitCode = standard.Invoke(parseResult);
            if (details.TryGetValue(parseResult.CommandResult.Command, out var text))
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine(string.Join('\n', text.Split('\n').Select(line => line.Length == 0 ? line : "  " + line)));
                output.WriteLine();
            }

            return exitCode;
        }
    }
}
