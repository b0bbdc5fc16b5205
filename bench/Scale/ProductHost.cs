using System.Diagnostics;
using TorrentCluster.Testing;

namespace TorrentCluster.Bench.Scale;

/// <summary>
/// The embedded host built from this checkout (src/Silo: a silo and the gateway in one process), started as
/// scripts/run.sh starts it, with the product's own defaults except what loopback needs: free ports, a temporary
/// data folder, listening on 127.0.0.1 and no DHT or LSD (nothing may leave the machine). Restartable on the same
/// folder; stopped by process id.
/// </summary>
internal sealed class ProductHost : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private ExternalProcess _process;

    private ProductHost(string dataPath, bool auth, IReadOnlyDictionary<string, string>? extra)
    {
        DataPath = dataPath;
        _environment = new Dictionary<string, string>
        {
            ["TorrentCluster__Cluster__SiloPort"] = Format.Text(FreePort.Next()),
            ["TorrentCluster__Cluster__GatewayPort"] = Format.Text(FreePort.Next()),
            ["TorrentCluster__Engine__DataPath"] = dataPath,
            ["TorrentCluster__Engine__ListenAddress"] = "127.0.0.1",
            ["TorrentCluster__Engine__ListenPort"] = Format.Text(FreePort.Next()),
            ["TorrentCluster__Engine__EnableDht"] = "false",
            ["TorrentCluster__Engine__EnableLsd"] = "false",
            ["TorrentCluster__Auth__Enabled"] = auth ? "true" : "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            _environment[key] = value;
        }

        BaseUri = new Uri($"http://127.0.0.1:{Format.Text(FreePort.Next())}/");
        Rpc = new ScaleRpc(BaseUri);
        _process = Launch();
    }

    public string DataPath { get; }

    public Uri BaseUri { get; }

    public ScaleRpc Rpc { get; }

    public int ProcessId => _process.Id;

    /// <summary>
    /// For the bulk rows: a call may take up to two minutes before the gateway gives up on it (20 s by default).
    /// They measure how long adds and listings take; on a shared 2-core machine a cold batch of 1,000 adds can
    /// outlast the default, and a run that fails there measures nothing.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> PatientCalls = new Dictionary<string, string>
    {
        ["TorrentCluster__Gateway__CallDeadline"] = "00:02:00",
    };

    /// <summary>Starts the host and waits until it is ready (<c>/readyz</c>); the time that took.</summary>
    public static async Task<(ProductHost Host, TimeSpan Ready)> StartAsync(
        string dataPath, bool auth, CancellationToken cancellation, IReadOnlyDictionary<string, string>? extra = null)
    {
        Directory.CreateDirectory(dataPath);
        var watch = Stopwatch.StartNew();
        var host = new ProductHost(dataPath, auth, extra);
        try
        {
            await host.WaitUntilReadyAsync(TimeSpan.FromMinutes(5), cancellation);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return (host, watch.Elapsed);
    }

    /// <summary>The process's resident memory now, from /proc.</summary>
    public long ResidentBytes() => ProcessMemory.ResidentBytes(_process.Id);

    /// <summary>CPU time the running host process has used since it started.</summary>
    public double CpuSeconds() => ProcessCpu.Seconds(_process.Id);

    /// <summary>
    /// The process's memory after the runtime has had a moment to settle (background compilation, the first GCs):
    /// the smallest of three readings a second apart, so a passing allocation burst does not count as a torrent's cost.
    /// </summary>
    public async Task<long> SettledResidentBytesAsync(CancellationToken cancellation)
    {
        await Task.Delay(TimeSpan.FromSeconds(5), cancellation);
        var readings = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            readings.Add(ResidentBytes());
            await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
        }

        return readings.Min();
    }

    /// <summary>Stops the process as Ctrl+C or Kubernetes would (SIGTERM) and times how long it takes to exit.</summary>
    public async Task<TimeSpan> StopAsync(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await _process.TerminateAsync(timeout);
        }
        catch (OperationCanceledException exception)
        {
            throw new BenchStepException($"the host did not stop within {timeout.TotalSeconds:0} s of SIGTERM", exception);
        }

        // 0 from a host that stopped itself, 143 (128 + SIGTERM) from a runtime that let the signal end it after shutdown.
        if (_process.ExitCode is not (0 or 143))
        {
            throw new BenchStepException($"the host exited with {_process.ExitCode} on SIGTERM:\n{_process.Output}");
        }

        return watch.Elapsed;
    }

    /// <summary>Starts the process again on the same folder and ports; returns the time until it is ready.</summary>
    public async Task<TimeSpan> RestartAsync(CancellationToken cancellation)
    {
        await _process.DisposeAsync();
        var watch = Stopwatch.StartNew();
        _process = Launch();
        await WaitUntilReadyAsync(TimeSpan.FromMinutes(5), cancellation);
        return watch.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Rpc.Dispose();
    }

    private ExternalProcess Launch() => ExternalProcess.Start(
        "dotnet",
        [BuildOutput.Assembly("Silo"), "--urls", BaseUri.ToString().TrimEnd('/')],
        package: "dotnet-sdk-10.0",
        workingDirectory: DataPath,
        environment: _environment,
        logPath: Path.Combine(DataPath, "host.log"));

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellation)
    {
        using var probe = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            cancellation.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new BenchStepException($"the host exited with {_process.ExitCode} while starting:\n{_process.Output}");
            }

            try
            {
                using var ready = await probe.GetAsync(new Uri("readyz", UriKind.Relative), cancellation);
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellation.IsCancellationRequested)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellation);
        }

        throw new BenchStepException($"the host was not ready within {timeout.TotalSeconds:0} s:\n{_process.Output}");
    }
}
