using System.Globalization;

namespace TorrentCluster.Testing;

/// <summary>
/// A TorrentCluster host (the silo, embedded or in a cluster, or the standalone gateway) started from its build
/// output as its own process, exactly as an operator runs it, on free loopback ports. Stopped gracefully with
/// SIGTERM, or killed (-9) to play a crash.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly ExternalProcess _process;

    private HostProcess(ExternalProcess process, string dataPath, HostPlacement placement, int httpPort, IReadOnlyDictionary<string, string> settings)
    {
        _process = process;
        DataPath = dataPath;
        Settings = settings;
        Placement = placement;
        HttpPort = httpPort;
        BaseUri = new Uri($"http://{placement.Address}:{Text(httpPort)}/");
        Rpc = new JsonRpcClient(new Uri(BaseUri, "api/v1/jsonrpc"));
    }

    public string DataPath { get; }

    /// <summary>The environment the process was started with (its ports, its cluster's settings).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    public int HttpPort { get; }

    /// <summary>Where the process listens: its HTTP port on its address.</summary>
    public Uri BaseUri { get; }

    public HostPlacement Placement { get; }

    public JsonRpcClient Rpc { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Waits for the process to end on its own and for its last output to be written to its log: the exit alone
    /// comes before its output streams are read to the end.
    /// </summary>
    public Task<int> WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync(timeout);

    public string Output => _process.Output;

    /// <summary>The embedded default: silo and gateway in one process, state on local disk under <paramref name="dataPath"/>.</summary>
    public static Task<HostProcess> StartEmbeddedAsync(string dataPath, IReadOnlyDictionary<string, string>? extra = null) =>
        StartAsync("Silo", dataPath, With(EngineSettings(dataPath, HostPlacement.Loopback), extra), HostPlacement.Loopback);

    /// <summary>A silo of a Redis cluster (no gateway in it), named <paramref name="name"/>.</summary>
    public static Task<HostProcess> StartClusterSiloAsync(
        string name, string dataPath, string redis, IReadOnlyDictionary<string, string>? extra = null, HostPlacement? placement = null)
    {
        placement ??= HostPlacement.Loopback;
        var settings = EngineSettings(dataPath, placement);
        settings["TorrentCluster__Cluster__Mode"] = "Redis";
        settings["TorrentCluster__Cluster__Redis"] = redis;
        settings["TorrentCluster__Cluster__SiloName"] = name;
        settings["TorrentCluster__Cluster__HostGateway"] = "false";
        settings["TorrentCluster__Cluster__AdvertisedAddress"] = placement.Address;
        return StartAsync("Silo", dataPath, With(settings, extra), placement, waitForRpc: false);
    }

    /// <summary>The standalone gateway of a Redis cluster.</summary>
    public static Task<HostProcess> StartGatewayAsync(
        string dataPath, string redis, IReadOnlyDictionary<string, string>? extra = null, HostPlacement? placement = null) =>
        StartAsync("Gateway", dataPath, With(new Dictionary<string, string> { ["TorrentCluster__Cluster__Redis"] = redis }, extra), placement ?? HostPlacement.Loopback);

    /// <summary>Stops the process as Ctrl+C or Kubernetes would: SIGTERM, then waits for it to exit.</summary>
    public Task StopAsync() => _process.TerminateAsync(TimeSpan.FromSeconds(60));

    /// <summary>Kills the process at once (SIGKILL): no shutdown, no saving, as in a crash.</summary>
    public Task KillAsync() => _process.KillAsync();

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Rpc.Dispose();
    }

    private static Dictionary<string, string> EngineSettings(string dataPath, HostPlacement placement) => new()
    {
        ["TorrentCluster__Cluster__SiloPort"] = Text(FreePort.Next()),
        ["TorrentCluster__Cluster__GatewayPort"] = Text(FreePort.Next()),
        ["TorrentCluster__Engine__DataPath"] = dataPath,
        ["TorrentCluster__Engine__ListenAddress"] = placement.Address,
        ["TorrentCluster__Engine__ListenPort"] = "0",
        ["TorrentCluster__Engine__EnableDht"] = "false",
        ["TorrentCluster__Engine__EnableLsd"] = "false",
        ["TorrentCluster__Engine__EnableUtp"] = "false",
        ["TorrentCluster__Engine__AllowMultipleConnectionsPerIp"] = "true",
        ["Logging__LogLevel__Default"] = "Information",
    };

    private static Dictionary<string, string> With(Dictionary<string, string> settings, IReadOnlyDictionary<string, string>? extra)
    {
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }

    private static async Task<HostProcess> StartAsync(string project, string dataPath, Dictionary<string, string> settings, HostPlacement placement, bool waitForRpc = true)
    {
        // Tests of other things speak to the host without tokens, and say so explicitly, as an operator must.
        settings.TryAdd("TorrentCluster__Auth__Enabled", "false");
        Directory.CreateDirectory(dataPath);
        var httpPort = FreePort.Next();
        var process = ExternalProcess.Start(
            "dotnet",
            [BuildOutput.Assembly(project), "--urls", $"http://{placement.Address}:{Text(httpPort)}"],
            package: "dotnet-sdk-10.0",
            workingDirectory: dataPath,
            environment: settings,
            networkNamespace: placement.NetworkNamespace,
            logPath: Path.Combine(dataPath, "host.log"));
        var host = new HostProcess(process, dataPath, placement, httpPort, settings);
        try
        {
            if (waitForRpc)
            {
                await host.WaitUntilAnsweringAsync();
            }
        }
        catch
        {
            // Nobody else holds it yet: stop it here, or it outlives the test.
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>Waits (at most 90 s) until the process's gateway answers; for a cluster silo started with a gateway in it.</summary>
    public async Task WaitUntilAnsweringAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                // The exit can be seen before the last lines it printed (its reason) are read: wait for both streams' end.
                await _process.WaitForExitAsync(TimeSpan.FromSeconds(10));
                throw new InvalidOperationException($"the host exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                // Ready means the process reaches the cluster (a silo answers); asked without a token and without
                // auth.login, whose attempts are rate-limited.
                using var ready = await Probe.GetAsync(new Uri(BaseUri, "readyz"));
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"the host did not answer within 90 s:\n{Output}");
    }

    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(10) };

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
