using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Cluster.Tests;

/// <summary>
/// The .NET Aspire AppHost (src/AppHost) as a developer runs it: one process that starts redis-server, three
/// silos, the gateway and the Aspire dashboard through Aspire's orchestrator (dcp), all on loopback, state in a
/// folder of the test's own, and stops every one of them when it is stopped.
/// </summary>
public sealed class AppHostTests
{
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task The_AppHost_runs_a_three_silo_cluster_with_the_dashboard_and_leaves_nothing_behind_when_stopped()
    {
        using var state = new TempDirectory();
        // Redis on the base port, silo i on base + 10 + i, + 20 + i, + 30 + i and + 40 + i.
        var basePort = FreePort.Range(44);
        var gatewayPort = FreePort.Next();
        var dashboard = new Uri($"http://127.0.0.1:{Text(FreePort.Next())}");
        var browserToken = Guid.NewGuid().ToString("N");
        var environment = new Dictionary<string, string>
        {
            // What src/AppHost/Properties/launchSettings.json gives `dotnet run`, on ports of the test's own.
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = dashboard.ToString(),
            ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{Text(FreePort.Next())}",
            ["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://127.0.0.1:{Text(FreePort.Next())}",
            ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
            ["ASPIRE_DASHBOARD_FRONTEND_BROWSERTOKEN"] = browserToken,
        };
        await using var appHost = ExternalProcess.Start(
            "dotnet",
            [BuildOutput.Assembly("AppHost"), "--AppHost:StatePath", state.Path, "--AppHost:BasePort", Text(basePort), "--AppHost:GatewayPort", Text(gatewayPort)],
            package: "dotnet-sdk-10.0",
            workingDirectory: state.Path,
            environment: environment);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var gateway = new Uri($"http://127.0.0.1:{Text(gatewayPort)}");
        var started = DateTime.UtcNow;

        // The gateway answers and sees three active silos.
        await Eventually.Until(
            async () => appHost.HasExited || (await http.GetAsync(new Uri(gateway, "/readyz"))).IsSuccessStatusCode,
            Startup,
            "the gateway to be ready");
        Assert.False(appHost.HasExited, $"the AppHost exited:\n{appHost.Output}");
        using var rpc = new JsonRpcClient(new Uri(gateway, "/api/v1/jsonrpc")) { Token = await ClusterApi.InitAndLoginAsync(gateway, "admin", "apphost-test-password") };
        await Eventually.Until(async () => (await ClusterApi.ActiveSilosAsync(rpc)).Count == 3, Startup - (DateTime.UtcNow - started), "3 active silos");
        Assert.Equal(["silo-0", "silo-1", "silo-2"], await ClusterApi.ActiveSilosAsync(rpc));

        // The dashboard answers, and has logs, traces and metrics of every silo and the gateway.
        using (var login = await http.GetAsync(new Uri(dashboard, $"/login?t={browserToken}")))
        {
            Assert.True(login.IsSuccessStatusCode, $"dashboard login answered {login.StatusCode}");
        }

        var children = Descendants(appHost.Id);
        var programs = children.Select(Program).ToList();
        Assert.Single(programs, program => program == "redis-server");
        Assert.Equal(3, programs.Count(program => program == "TorrentCluster.Silo"));
        Assert.Single(programs, program => program == "TorrentCluster.Gateway");
        var dashboardProcess = Assert.Single(children, pid => Program(pid) == "Aspire.Dashboard");
        var silo = children.First(pid => Program(pid) == "TorrentCluster.Silo");
        Assert.Equal(environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"], Environment(silo).GetValueOrDefault("OTEL_EXPORTER_OTLP_ENDPOINT"));
        var apiKey = Environment(dashboardProcess)["DASHBOARD__API__PRIMARYAPIKEY"];
        await Eventually.Until(
            async () => (await TelemetryResourcesAsync(http, dashboard, apiKey)).IsSupersetOf(["silo-0", "silo-1", "silo-2", "gateway"]),
            TimeSpan.FromSeconds(60),
            "logs, traces and metrics of the silos and the gateway in the dashboard");

        // Stopped as Ctrl+C would, it stops everything it started.
        await appHost.TerminateAsync(TimeSpan.FromSeconds(90));
        await Eventually.Until(
            () => children.All(pid => !ProcessTable.IsAlive(pid)),
            TimeSpan.FromSeconds(60),
            "every process the AppHost started to end: " + string.Join(", ", children.Where(ProcessTable.IsAlive).Select(pid => $"{pid} {Program(pid)}")));
    }

    // The dashboard's telemetry API lists the resources it has logs, traces and metrics of.
    private static async Task<HashSet<string>> TelemetryResourcesAsync(HttpClient http, Uri dashboard, string apiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(dashboard, "/api/telemetry/resources"));
        request.Headers.Add("x-api-key", apiKey);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var resources = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. resources.EnumerateArray()
            .Where(resource => resource.GetProperty("hasLogs").GetBoolean() && resource.GetProperty("hasTraces").GetBoolean() && resource.GetProperty("hasMetrics").GetBoolean())
            .Select(resource => resource.GetProperty("name").GetString()!)];
    }

    // Aspire's orchestrator (dcp) runs detached from the AppHost (its parent is init) and watches the AppHost by
    // process id (--monitor); the AppHost's processes are dcp's children.
    private static List<int> Descendants(int appHost)
    {
        var parents = Directory.EnumerateDirectories("/proc")
            .Select(path => int.TryParse(Path.GetFileName(path), out var pid) ? pid : 0)
            .Where(pid => pid > 0)
            .Select(pid => (Pid: pid, Parent: Parent(pid)))
            .Where(process => process.Parent > 0)
            .ToList();
        var roots = new HashSet<int> { appHost };
        roots.UnionWith(parents
            .Where(process => CommandLine(process.Pid).Contains($"--monitor {Text(appHost)} ", StringComparison.Ordinal))
            .Select(process => process.Pid));
        var found = new List<int>(roots.Where(pid => pid != appHost));
        var queue = new Queue<int>(roots);
        while (queue.TryDequeue(out var pid))
        {
            foreach (var child in parents.Where(process => process.Parent == pid).Select(process => process.Pid))
            {
                found.Add(child);
                queue.Enqueue(child);
            }
        }

        return found;
    }

    private static int Parent(int pid)
    {
        try
        {
            // "pid (comm) state ppid ...": comm may hold spaces, so read after its closing parenthesis.
            var stat = File.ReadAllText($"/proc/{Text(pid)}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{Text(pid)}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    // The program's file name: "redis-server", "TorrentCluster.Silo", "Aspire.Dashboard", "dcp", "dotnet".
    private static string Program(int pid) => Path.GetFileName(CommandLine(pid).Split(' ')[0]);

    private static Dictionary<string, string> Environment(int pid) => File.ReadAllText($"/proc/{Text(pid)}/environ")
        .Split('\0', StringSplitOptions.RemoveEmptyEntries)
        .Select(variable => variable.Split('=', 2))
        .Where(pair => pair.Length == 2)
        .GroupBy(pair => pair[0], StringComparer.Ordinal)
        .ToDictionary(group => group.Key, group => group.Last()[1], StringComparer.Ordinal);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
