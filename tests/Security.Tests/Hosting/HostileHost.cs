using System.Text.Json;
using TorrentCluster.Security.Tests.Probing;
using TorrentCluster.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TorrentCluster.Security.Tests.Hosting;

/// <summary>
/// One embedded host (silo and gateway in one process, the README's default) that every hostile-input test feeds,
/// with its data folder inside a temporary folder that also holds the sentinel the inputs aim at. After each
/// test's inputs, <see cref="AssertStillStandingAsync"/> checks what must hold whatever the inputs were.
/// </summary>
public sealed class HostileHost : IAsyncLifetime
{
    /// <summary>
    /// How far resident memory may stay grown over its start after a test's inputs. Megabyte strings (4 MiB
    /// members, 16 MiB of garbage in base64) sent four at a time leave the host's server GC holding freed large
    /// objects and pooled buffers in committed memory: measured here, about 1.1 GiB over the start after the
    /// whole suite, while a full collection of the same host (dotnet-gcdump) finds about 250 MiB alive. A host
    /// that kept a fraction of every input would pass this bound within seconds of the fuzzing.
    /// </summary>
    public const long MaxGrowthBytes = 1536L * 1024 * 1024;

    /// <summary>The most the peak (VmHWM) may exceed the start: several such inputs in flight at once.</summary>
    public const long MaxPeakGrowthBytes = 2560L * 1024 * 1024;

    private readonly TempDirectory _root = new();
    private DiskWitness? _disk;

    public AttackTargets Targets { get; private set; } = null!;

    public HostProcess Host { get; private set; } = null!;

    public RpcProbe Probe { get; private set; } = null!;

    /// <summary>Memory right after start, before any hostile input.</summary>
    public ProcessMemory Baseline { get; private set; }

    public async Task InitializeAsync()
    {
        Targets = new AttackTargets(_root.Path);
        Targets.Create();
        _disk = new DiskWitness(Targets);
        Host = await HostProcess.StartEmbeddedAsync(Targets.DataPath);
        Probe = new RpcProbe(new Uri(Host.BaseUri, "api/v1/jsonrpc"));
        Baseline = ProcessMemory.Of(Host.ProcessId);
    }

    /// <summary>
    /// The process is alive and ready, its memory is within bounds, and nothing appeared on disk outside its data
    /// folder. Prints the memory numbers, before and after.
    /// </summary>
    public async Task AssertStillStandingAsync(ITestOutputHelper output, string after)
    {
        ArgumentNullException.ThrowIfNull(output);
        Assert.False(Host.HasExited, $"the host exited after {after}:\n{Host.Output}");
        Assert.True(Directory.Exists($"/proc/{Host.ProcessId}"), $"process {Host.ProcessId} is gone after {after}");
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) })
        {
            using var ready = await http.GetAsync(new Uri(Host.BaseUri, "readyz"));
            Assert.True(ready.IsSuccessStatusCode, $"/readyz answered {(int)ready.StatusCode} after {after}: {await ready.Content.ReadAsStringAsync()}");
        }

        var memory = ProcessMemory.Of(Host.ProcessId);
        var line = $"[hostile input] host memory after {after}: {memory}; at start {Baseline}; growth {(memory.ResidentBytes - Baseline.ResidentBytes) / (1024 * 1024)} MiB (bound {MaxGrowthBytes / (1024 * 1024)} MiB, peak bound {MaxPeakGrowthBytes / (1024 * 1024)} MiB)";
        output.WriteLine(line);
        Console.WriteLine(line);
        Assert.True(memory.ResidentBytes - Baseline.ResidentBytes <= MaxGrowthBytes, line);
        Assert.True(memory.PeakResidentBytes - Baseline.ResidentBytes <= MaxPeakGrowthBytes, line);

        var traces = _disk!.Traces();
        Assert.True(traces.Count == 0, $"after {after}, files outside the data folder:\n{string.Join('\n', traces.Take(50))}");
    }

    /// <summary>Removes torrents (with their data, so remove_data meets the hostile names too), ignoring ones already gone.</summary>
    public async Task RemoveAsync(IEnumerable<JsonElement> infoHashes)
    {
        foreach (var infoHash in infoHashes)
        {
            await Host.Rpc.CallAsync("torrents.remove", new { info_hashes = new[] { infoHash }, remove_data = true });
        }
    }

    public async Task DisposeAsync()
    {
        Probe?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        _root.Dispose();

        // Only where a hostile path did get through: the names are this run's own.
        foreach (var path in Targets?.TmpPaths ?? [])
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class HostileHostCollection : ICollectionFixture<HostileHost>
{
    public const string Name = "hostile host";
}

/// <summary>
/// A host of its own for the hostile paths, which need its engine to download: the fuzzing before may have paused
/// the session or set any engine setting a caller may set (a rate limit of 1 byte, no connections).
/// </summary>
[CollectionDefinition(Name)]
public sealed class HostilePathHostCollection : ICollectionFixture<HostileHost>
{
    public const string Name = "hostile path host";
}
