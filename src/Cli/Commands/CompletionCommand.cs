using System.CommandLine;

namespace TorrentCluster.Cli.Commands;

/// <summary>
/// <c>tcctl completion bash|zsh</c>: prints a script that asks tcctl itself for completions through
/// System.CommandLine's <c>[suggest:POSITION]</c> directive, so they always match the installed version.
/// </summary>
internal static class CompletionCommand
{
    public const string Bash = """
        # tcctl completion for bash: source <(tcctl completion bash)
        _tcctl_complete() {
            local IFS=$'\n'
            local candidates
            candidates=$(tcctl "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)
            COMPREPLY=($(compgen -W "${candidates}" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -F _tcctl_complete tcctl
        """;

    public const string Zsh = """
        #compdef tcctl
        # tcctl completion for zsh: source <(tcctl completion zsh)
        _tcctl() {
            local -a candidates
            candidates=("${(@f)$(tcctl "[suggest:${CURSOR}]" "${BUFFER}" 2>/dev/null)}")
            _describe 'tcctl' candidates
        }
        compdef _tcctl tcctl
        """;

    public static Command Create(GlobalOptions globals)
    {
        var shell = new Argument<string>("shell") { Description = "bash or zsh" };
        shell.AcceptOnlyFromAmong("bash", "zsh");
        var command = new Command("completion", """
            Print the shell completion script for bash or zsh.

            Examples:
              source <(tcctl completion bash)      # in ~/.bashrc
              source <(tcctl completion zsh)       # in ~/.zshrc, after compinit
            """)
        {
            shell,
        };
        command.Run(globals, (call, _) =>
        {
            Console.Out.WriteLine(call.Value(shell) == "zsh" ? Zsh : Bash);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
