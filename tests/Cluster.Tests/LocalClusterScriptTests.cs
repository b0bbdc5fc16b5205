using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Cluster.Tests;

/// <summary>
/// deploy/local-cluster.sh as an operator runs it: bash, from the repository root, with its own state folder and
/// free ports. It starts real Redis, silo and gateway processes that outlive the script, so every test stops the
/// cluster again and then checks each pid it was told about.
/// </summary>
public sealed class LocalClusterScriptTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Silos = 3;
    private const string Password = "s3cret-passphrase";
    private static readonly string[] AllSilos = ["silo-1", "silo-2", "silo-3"];
    private static readonly TimeSpan ScriptPatience = TimeSpan.FromSeconds(180);

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task LocalClusterScript_starts_three_silos_survives_a_killed_silo_and_stops_every_process_it_started()
    {
        using var state = new TempDirectory();
        var script = new LocalClusterScript(state.Path, output);
        var seenPids = new HashSet<int>();
        try
        {
            var (started, startOutput) = await script.RunAsync("start", Silos.ToString(CultureInfo.InvariantCulture));
            Assert.True(started == 0, $"start {Silos} exited with {started}:\n{startOutput}");
            Assert.Contains(script.ApiUrl.ToString(), startOutput, StringComparison.Ordinal);
            seenPids.UnionWith(script.RecordedPids().Values);
            Assert.Equal(Silos + 2, seenPids.Count);

            // Secured as shipped: Redis answers nobody without the password the script made (owner-only), and every
            // process presents a certificate of its own from the cluster's CA on Orleans' ports.
            Assert.StartsWith("-NOAUTH", await AnonymousRedisReplyAsync(script.RedisPort), StringComparison.Ordinal);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(script.StateFile("redis-password")));
            foreach (var name in AllSilos.Append("gateway"))
            {
                Assert.Contains($"presents CN={name}, O=TorrentCluster", await File.ReadAllTextAsync(script.StateFile($"logs/{name}.log")), StringComparison.Ordinal);
            }

            // Auth is on: the first user, a token, then the silos as the API shows them.
            using var rpc = new JsonRpcClient(script.ApiUrl) { Token = await ClusterApi.InitAndLoginAsync(script.ApiUrl, "admin", Password) };
            Assert.Equal(AllSilos, await ClusterApi.ActiveSilosAsync(rpc));

            var (again, againOutput) = await script.RunAsync("start", Silos.ToString(CultureInfo.InvariantCulture));
            Assert.True(again != 0, $"a second start succeeded while the cluster runs:\n{againOutput}");
            Assert.Contains("already runs", againOutput, StringComparison.Ordinal);

            var killedPid = script.RecordedPids()["silo-1"];
            var (killed, killOutput) = await script.RunAsync("kill-silo", "1");
            Assert.True(killed == 0, $"kill-silo 1 exited with {killed}:\n{killOutput}");
            Assert.False(ProcessTable.IsAlive(killedPid), $"silo-1 (pid {killedPid}) still runs after kill-silo 1");

            var (restarted, restartOutput) = await script.RunAsync("start-silo", "1");
            Assert.True(restarted == 0, $"start-silo 1 exited with {restarted}:\n{restartOutput}");
            var newPid = script.RecordedPids()["silo-1"];
            seenPids.Add(newPid);
            Assert.NotEqual(killedPid, newPid);
            Assert.True(ProcessTable.IsAlive(newPid), $"silo-1's new pid {newPid} does not run:\n{restartOutput}");
            // start-silo waited for silo-1's own readiness; the gateway's view of membership follows within moments.
            await Eventually.Until(
                async () => (await ClusterApi.ActiveSilosAsync(rpc)).SequenceEqual(AllSilos),
                TimeSpan.FromSeconds(30),
                "silo-1 to be active again under its old name beside silo-2 and silo-3");

            var (stopped, stopOutput) = await script.RunAsync("stop");
            Assert.True(stopped == 0, $"stop exited with {stopped}:\n{stopOutput}");
            Assert.Empty(script.RecordedPids());
            foreach (var pid in seenPids)
            {
                Assert.False(ProcessTable.IsAlive(pid), $"pid {pid} still runs after stop:\n{stopOutput}");
            }
        }
        finally
        {
            await script.StopAndKillLeftoversAsync(seenPids);
        }
    }

    // What Redis says to a PING from someone who did not authenticate.
    private static async Task<string> AnonymousRedisReplyAsync(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray());
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        return Encoding.ASCII.GetString(buffer, 0, read);
    }

    /// <summary>The script, pointed at one state folder and free ports through its environment variables.</summary>
    private sealed class LocalClusterScript(string root, Xunit.Abstractions.ITestOutputHelper output)
    {
        private readonly string _stateFolder = Path.Combine(root, "cluster");
        private readonly int _gatewayPort = FreePort.Next();

        // Redis on the base port, silo-N on base + 10N .. base + 10N + 3.
        private readonly int _basePort = FreePort.Range(10 * Silos + 4);

        public Uri ApiUrl => new($"http://127.0.0.1:{_gatewayPort.ToString(CultureInfo.InvariantCulture)}/api/v1/jsonrpc");

        public int RedisPort => _basePort;

        public string StateFile(string relativePath) => Path.Combine(_stateFolder, relativePath);

        public async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
        {
            await using var process = ExternalProcess.Start(
                "bash",
                [Path.Combine(BuildOutput.RepositoryRoot, "deploy", "local-cluster.sh"), .. arguments],
                package: "bash",
                workingDirectory: BuildOutput.RepositoryRoot,
                environment: new Dictionary<string, string>
                {
                    ["TC_LOCAL_CLUSTER_DIR"] = _stateFolder,
                    ["TC_LOCAL_CLUSTER_BASE_PORT"] = _basePort.ToString(CultureInfo.InvariantCulture),
                    ["TC_LOCAL_CLUSTER_GATEWAY_PORT"] = _gatewayPort.ToString(CultureInfo.InvariantCulture),
                    ["TC_LOCAL_CLUSTER_TIMEOUT"] = "120",
                    // scripts/test.sh built the solution before the tests; a build from inside a test run would
                    // compete with it for the machine (and rebuild what the test host uses), so never build here.
                    ["TC_LOCAL_CLUSTER_BUILD"] = "never",
                });
            int exitCode;
            try
            {
                exitCode = await process.WaitForExitAsync(ScriptPatience);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"local-cluster.sh {string.Join(' ', arguments)} did not finish within {ScriptPatience.TotalSeconds:0} s:\n{process.Output}");
            }

            output.WriteLine($"$ deploy/local-cluster.sh {string.Join(' ', arguments)}  (exit {exitCode})\n{process.Output}");
            return (exitCode, process.Output);
        }

        /// <summary>Process name to pid, from the pid files the script keeps under run/.</summary>
        public Dictionary<string, int> RecordedPids()
        {
            var run = Path.Combine(_stateFolder, "run");
            return Directory.Exists(run)
                ? Directory.GetFiles(run, "*.pid").ToDictionary(
                    file => Path.GetFileNameWithoutExtension(file),
                    file => int.Parse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture),
                    StringComparer.Ordinal)
                : [];
        }

        /// <summary>
        /// Whatever happened, leave no process behind: the script's stop, then SIGKILL by pid for anything it
        /// recorded that still runs (a failed stop must not leak silos into the next test).
        /// </summary>
        public async Task StopAndKillLeftoversAsync(IEnumerable<int> seenPids)
        {
            var pids = seenPids.Concat(RecordedPids().Values).ToHashSet();
            if (pids.Any(ProcessTable.IsAlive))
            {
                try
                {
                    await RunAsync("stop");
                }
                catch (TimeoutException exception)
                {
                    output.WriteLine(exception.Message);
                }
            }

            foreach (var pid in pids.Where(ProcessTable.IsAlive))
            {
                output.WriteLine($"pid {pid} survived stop: killing it");
                await ProcessTable.SignalAsync(pid, "KILL");
            }
        }
    }
}
