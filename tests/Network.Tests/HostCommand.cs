using System.Diagnostics;

namespace TorrentCluster.Network.Tests;

/// <summary>
/// Runs the machine's network tools (<c>ip</c>, <c>nft</c>, <c>sysctl</c>) and fails with what they said. Building
/// namespaces needs root: without it the tests fail with one clear line rather than skip.
/// </summary>
internal static class HostCommand
{
    public static void RequireRoot()
    {
        if (Environment.UserName != "root" && !string.Equals(Run("id", "-u").Trim(), "0", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the network namespace tests need root (ip netns, veth, nft): run them as root, as CI does");
        }
    }

    /// <summary>Runs <paramref name="program"/> and returns its output; a non-zero exit throws with its error output.</summary>
    public static string Run(string program, params string[] arguments)
    {
        var (exitCode, output, error) = Try(program, arguments);
        return exitCode == 0
            ? output
            : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({exitCode}): {error.Trim()}");
    }

    /// <summary>Runs <paramref name="program"/> and returns its exit code and output, whatever they are.</summary>
    public static (int ExitCode, string Output, string Error) Try(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException($"{program} is not installed: apt-get install -y {Package(program)}", exception);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within 30 s");
            }

            return (process.ExitCode, output.Result, error.Result);
        }
    }

    private static string Package(string program) => program switch
    {
        "nft" => "nftables",
        "sysctl" => "procps",
        _ => "iproute2",
    };
}
