using System.Text.Json;
using Xunit;

namespace TorrentCluster.Cli.Tests;

/// <summary>What one tcctl run printed and how it exited.</summary>
public sealed record TcctlResult(string Command, int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"tcctl {Command} exited {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";

    public JsonElement Json()
    {
        Assert.True(ExitCode == 0, ToString());
        using var document = JsonDocument.Parse(Stdout);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts the run failed with exactly one line on stderr, and returns that line.</summary>
    public string FailureLine()
    {
        Assert.True(ExitCode != 0, ToString());
        var lines = Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, ToString());
        return lines[0];
    }
}
