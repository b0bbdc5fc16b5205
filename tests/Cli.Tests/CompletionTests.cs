using Xunit;

namespace TorrentCluster.Cli.Tests;

public sealed class CompletionTests
{
    private readonly Tcctl _tcctl = new(Path.GetTempPath());

    [Theory]
    [InlineData("bash", "complete -o default -F _tcctl_complete tcctl")]
    [InlineData("zsh", "compdef _tcctl tcctl")]
    public async Task The_completion_script_asks_tcctl_through_the_suggest_directive(string shell, string registration)
    {
        var script = await _tcctl.RunAsync("completion", shell);

        Assert.True(script.ExitCode == 0, script.ToString());
        Assert.Contains("[suggest:", script.Stdout, StringComparison.Ordinal);
        Assert.Contains(registration, script.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_suggest_directive_completes_commands_and_their_options()
    {
        var commands = await _tcctl.RunAsync("[suggest:8]", "tcctl co");
        Assert.Equal(["completion", "context"], commands.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => !line.StartsWith('-')));

        var options = await _tcctl.RunAsync("[suggest:14]", "tcctl add --sa");
        Assert.Contains("--save-path", options.Stdout.Split('\n'));
    }
}
