using System.Diagnostics;
using System.Text.Json;
using CsCheck;
using TorrentCluster.Security.Tests.Corpus;
using TorrentCluster.Security.Tests.Fuzzing;
using TorrentCluster.Security.Tests.Hosting;
using TorrentCluster.Security.Tests.Probing;
using Xunit;
using Xunit.Abstractions;

namespace TorrentCluster.Security.Tests;

/// <summary>
/// Property-based JSON-RPC requests (CsCheck) against a running embedded host: random calls of every method the
/// gateway registers, valid calls bent by mutations, malformed JSON and batches. The property: every request is
/// answered by a result, a JSON-RPC error or one of the gateway's refusals, in time; CsCheck shrinks any request
/// that breaks it to a small one and prints its seed. Each property runs on a few threads for a bounded time and
/// at most <see cref="MaximumInputs"/> requests.
/// </summary>
[Collection(HostileHostCollection.Name)]
public sealed class JsonRpcFuzzTests(HostileHost fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Threads = 4;
    private const int MinimumInputs = 50;

    // The count bound beside the time bound: a fast build stops here rather than churning more memory.
    private const int MaximumInputs = 6_000;

    private FuzzRequests _requests = null!;

    public async Task InitializeAsync()
    {
        // Torrents the host holds, so calls naming them reach their grains and the engine.
        var torrentFiles = new[]
        {
            TorrentShapes.V1Multi("fuzz-target", [new(50_000, ["a"]), new(0, ["b", "empty"])]).Encode(),
            TorrentShapes.V2Single("fuzz-v2", 1000).Encode(),
            TorrentShapes.HybridSingle("fuzz-hybrid", 1000).Encode(),
        };
        // Calls of earlier properties may have given the "default" preset any session or folder, which every
        // add without its own would take: start from none.
        await fixture.Host.Rpc.CallAsync("presets.remove", new { name = "default" });
        var known = new List<string>();
        foreach (var file in torrentFiles)
        {
            var added = await fixture.Host.Rpc.ResultAsync("torrents.add", new { ti = Convert.ToBase64String(file), paused = true });
            known.Add(added.GetProperty("info_hash").GetRawText());
        }

        var hostileNames = TorrentNameAttacks.All(fixture.Targets.SentinelPath).Where(input => input.Family is "dot-dot" or "symlinks").Take(6);
        var context = new FuzzContext(
            HostilePaths.For(fixture.Targets),
            known,
            [.. torrentFiles.Concat(hostileNames.Select(input => input.Bytes)).Select(Convert.ToBase64String)],
            [.. HostileMagnets.All(fixture.Targets.SentinelPath).Where(input => input.Bytes.Length < 4096).Take(40).Select(input => System.Text.Encoding.UTF8.GetString(input.Bytes))]);
        _requests = new FuzzRequests(new FuzzValues(context));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void The_fuzzer_knows_every_method_the_gateway_registers()
    {
        var names = MethodCatalog.Methods.Select(method => method.Name).ToList();
        output.WriteLine($"{names.Count} methods: {string.Join(", ", names)}");
        Assert.Contains("torrents.add", names);
        Assert.Contains("torrents.move", names);
        Assert.Contains("fs.space", names);
        Assert.Contains("auth.login", names);
        Assert.Contains(MethodCatalog.Methods, method => method.Name == "torrents.add" && method.Params.Any(param => param.Name == "save_path"));
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public Task Random_calls_of_every_method_are_answered() =>
        HoldsAsync("random calls of the real methods", FuzzRequests.WithContentTypes(_requests.Random), seconds: 15);

    [Fact]
    public Task Mutated_valid_calls_are_answered() =>
        HoldsAsync("mutated valid calls (dropped, repeated, retyped, huge and nested members, hostile paths)", _requests.Mutated, seconds: 15);

    [Fact]
    public Task Malformed_json_is_answered() => HoldsAsync("malformed JSON", _requests.Malformed, seconds: 6);

    [Fact]
    public Task Batches_are_answered() => HoldsAsync("batches", _requests.Batch, seconds: 9);

    private async Task HoldsAsync(string name, Gen<FuzzRequest> requests, int seconds)
    {
        var tally = new ProbeTally(name);
        var started = Stopwatch.StartNew();
        try
        {
            await requests.SampleAsync(
                async request =>
                {
                    if (tally.Tried >= MaximumInputs)
                    {
                        return;
                    }

                    var answer = await fixture.Probe.PostAsync(request.Body, request.ContentType, tally, request.ToString());
                    if (answer.Crash is not null)
                    {
                        throw new InvalidOperationException(answer.Crash);
                    }
                },
                time: seconds,
                threads: Threads,
                print: request => request.ToString());
        }
        finally
        {
            tally.Report(output, started.Elapsed);
        }

        Assert.Empty(tally.Crashes);
        Assert.True(tally.Tried >= MinimumInputs, $"only {tally.Tried} inputs in {seconds} s");
        await fixture.AssertStillStandingAsync(output, $"{tally.Tried} {name}");
    }
}
