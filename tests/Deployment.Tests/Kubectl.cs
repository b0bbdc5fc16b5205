using System.Diagnostics;

namespace TorrentCluster.Deployment.Tests;

/// <summary>Runs kubectl, which renders kustomizations exactly as `kubectl apply -k` will.</summary>
internal static class Kubectl
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    /// <summary>kubectl from PATH, or null when this machine has none.</summary>
    public static string? Find()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/local/bin").Append("/usr/bin")
            .Select(folder => Path.Combine(folder, "kubectl"))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The YAML stream of `kubectl kustomize folder`; fails the test on a non-zero exit.</summary>
    public static string Kustomize(string kubectl, string folder)
    {
        var start = new ProcessStartInfo(kubectl)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("kustomize");
        start.ArgumentList.Add(folder);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {kubectl}");
        // Both streams are read at once so that neither pipe can fill up and stall the other.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"kubectl kustomize {folder} did not finish within {Timeout}");
        }

        Assert.True(process.ExitCode == 0, $"kubectl kustomize {folder} exited {process.ExitCode}: {error.Result}");
        return output.Result;
    }
}
