using System.Diagnostics;
using TorrentCluster.Testing;

namespace TorrentCluster.Cli.Tests;

/// <summary>
/// Runs the built tcctl as an operator would (<c>dotnet tcctl.dll ...</c>), with its own HOME and
/// XDG_CONFIG_HOME so that no test reads or writes a real config, and stdout and stderr kept apart.
/// </summary>
public sealed class Tcctl(string home)
{
    public string Home { get; } = home;

    public string ConfigPath => Path.Combine(Home, "xdg", "torrentcluster", "config.json");

    /// <summary>Starts tcctl and returns at once, for commands that run while the test does other things (add --watch).</summary>
    public RunningTcctl Start(IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        Start(environment, interruptible: false, arguments);

    /// <summary>
    /// Starts tcctl as a terminal's foreground job would run it, Ctrl+C (SIGINT) reaching it. A shell starts a
    /// background job (a CI run started with &amp;) with SIGINT ignored, every process below inherits that, and .NET
    /// leaves an ignored signal ignored: coreutils' env puts it back to the default first.
    /// </summary>
    public RunningTcctl StartInterruptible(params string[] arguments) => Start(null, interruptible: true, arguments);

    private RunningTcctl Start(IReadOnlyDictionary<string, string>? environment, bool interruptible, string[] arguments)
    {
        var start = new ProcessStartInfo(interruptible ? "env" : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (interruptible)
        {
            start.ArgumentList.Add("--default-signal=INT");
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(BuildOutput.Assembly("Cli", "tcctl"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HOME"] = Home;
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(Home, "xdg");
        start.Environment.Remove("TORRENTCLUSTER_USERNAME");
        start.Environment.Remove("TORRENTCLUSTER_PASSWORD");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new RunningTcctl(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), string.Join(' ', arguments));
    }

    public Task<TcctlResult> RunAsync(params string[] arguments) => RunAsync(null, arguments);

    public Task<TcctlResult> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        Start(environment, arguments).WaitAsync(TimeSpan.FromSeconds(60));
}
