using System.Diagnostics;
using TorrentCluster.Testing;

namespace TorrentCluster.Gateway.Tests;

/// <summary>
/// The embedded default (silo and gateway in one process) started from its build output, exactly as a user runs
/// it, on free loopback ports with its state in <see cref="DataPath"/>. Stopped gracefully with SIGTERM or killed.
/// </summary>
public sealed class EmbeddedHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private EmbeddedHost(Process process, string dataPath, int httpPort)
    {
        _process = process;
        DataPath = dataPath;
        Rpc = new JsonRpcClient(new Uri($"http://127.0.0.1:{httpPort}/api/v1/jsonrpc"));
    }

    public string DataPath { get; }

    public JsonRpcClient Rpc { get; }

    public int ProcessId => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output.TakeLast(200));
            }
        }
    }

    public static async Task<EmbeddedHost> StartAsync(string dataPath)
    {
        Directory.CreateDirectory(dataPath);
        var httpPort = FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dataPath,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(SiloAssembly());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{httpPort}");
        var settings = new Dictionary<string, string>
        {
            ["TorrentCluster__Cluster__SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["TorrentCluster__Cluster__GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["TorrentCluster__Engine__DataPath"] = dataPath,
            ["TorrentCluster__Engine__ListenAddress"] = "127.0.0.1",
            ["TorrentCluster__Engine__ListenPort"] = "0",
            ["TorrentCluster__Engine__EnableDht"] = "false",
            ["TorrentCluster__Engine__EnableLsd"] = "false",
            ["TorrentCluster__Engine__EnableUtp"] = "false",
            ["TorrentCluster__Engine__AllowMultipleConnectionsPerIp"] = "true",
            ["Logging__LogLevel__Default"] = "Information",
        };
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the embedded host");
        var host = new EmbeddedHost(process, dataPath, httpPort);
        process.OutputDataReceived += (_, e) => host.Record(e.Data);
        process.ErrorDataReceived += (_, e) => host.Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitUntilAnsweringAsync();
        return host;
    }

    /// <summary>Stops the process as an operator's Ctrl+C or Kubernetes would: SIGTERM, then waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Rpc.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }
    }

    private async Task WaitUntilAnsweringAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the embedded host exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                await Rpc.CallAsync("torrents.list", new { });
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250);
            }
        }

        throw new TimeoutException($"the embedded host did not answer within 90 s:\n{Output}");
    }

    // The host's build output beside this test assembly's: same configuration, same target framework.
    private static string SiloAssembly()
    {
        var testOutput = AppContext.BaseDirectory;
        var framework = Path.GetFileName(Path.TrimEndingDirectorySeparator(testOutput));
        var configuration = Path.GetFileName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(testOutput)));
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root, "TorrentCluster.sln")))
        {
            root = Path.GetDirectoryName(root);
        }

        var path = Path.Combine(root ?? throw new InvalidOperationException("TorrentCluster.sln not found above " + testOutput),
            "src", "Silo", "bin", configuration!, framework, "TorrentCluster.Silo.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("build src/Silo first", path);
    }
}
