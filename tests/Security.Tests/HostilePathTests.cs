using System.Text.Json;
using TorrentCluster.Engine;
using TorrentCluster.Security.Tests.Corpus;
using TorrentCluster.Security.Tests.Fuzzing;
using TorrentCluster.Security.Tests.Hosting;
using TorrentCluster.Security.Tests.Probing;
using TorrentCluster.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TorrentCluster.Security.Tests;

/// <summary>
/// Every hostile path in every place the API takes a folder: <c>torrents.add</c>'s save_path, <c>torrents.move</c>,
/// a preset's save_path then used by an add, and <c>fs.space</c>. The torrents are real and complete on a loopback
/// seeder, and the host is pointed at it, so a path the host accepts is a path it really writes to, as an attacker
/// planting <c>.ssh/authorized_keys</c> would make it. Whatever each call answers, nothing may appear outside the
/// data folder.
/// </summary>
[Collection(HostilePathHostCollection.Name)]
public sealed class HostilePathTests(HostileHost fixture, ITestOutputHelper output) : IDisposable
{
    private const int FileBytes = 16 * 1024;

    private readonly LoopbackSeeder _seeder = new(uploadRateLimit: 0);
    private int _seeded;
    private string? _lastAnswer;

    [Fact]
    public async Task Hostile_paths_write_nothing_outside_the_data_folder()
    {
        var paths = HostilePaths.For(fixture.Targets);
        var tally = new ProbeTally("hostile paths in save_path, torrents.move, presets and fs.space");
        var started = System.Diagnostics.Stopwatch.StartNew();
        var added = new List<JsonElement>();
        var moved = await AddSeededAsync(savePath: null, preset: null, tally);
        Assert.True(moved is not null, $"a plain add failed: {_lastAnswer}");
        added.Add(moved.Value);
        await WaitUntilCompleteAsync(added);

        foreach (var path in paths)
        {
            var quoted = JsonText.Quote(path);
            if (await AddSeededAsync(quoted, preset: null, tally) is { } saved)
            {
                added.Add(saved);
            }

            await CallAsync("torrents.move", $"{{\"info_hash\":{moved.Value.GetRawText()},\"path\":{quoted}}}", tally);
            await CallAsync("presets.set", $"{{\"name\":\"hostile\",\"save_path\":{quoted}}}", tally);
            if (await AddSeededAsync(savePath: null, preset: "hostile", tally) is { } viaPreset)
            {
                added.Add(viaPreset);
            }

            await CallAsync("fs.space", $"{{\"path\":{quoted}}}", tally);
        }

        await CallAsync("presets.remove", "{\"name\":\"hostile\"}", tally);
        var sent = started.Elapsed;
        await WaitUntilCompleteAsync(added);
        output.WriteLine($"calls took {sent.TotalSeconds:0.0} s, the downloads {(started.Elapsed - sent).TotalSeconds:0.0} s more");
        tally.Report(output, started.Elapsed);
        Assert.Empty(tally.Crashes);
        await fixture.AssertStillStandingAsync(output, $"{paths.Count} hostile paths in four places ({added.Count} torrents accepted and downloaded)");

        await fixture.RemoveAsync(added);
        await fixture.AssertStillStandingAsync(output, $"removing those {added.Count} torrents with their data");
    }

    public void Dispose() => _seeder.Dispose();

    // A torrent of its own (one file, seeded on loopback), added started and told where its seeder is.
    private async Task<JsonElement?> AddSeededAsync(string? savePath, string? preset, ProbeTally tally)
    {
        var (torrentFile, _) = _seeder.Seed($"planted-{Interlocked.Increment(ref _seeded)}.txt", FileBytes, seed: _seeded, TorrentVersion.V1);
        var members = new List<(string Key, string Value)> { ("ti", JsonText.Quote(Convert.ToBase64String(torrentFile))), ("paused", "false") };
        if (savePath is not null)
        {
            members.Add(("save_path", savePath));
        }

        if (preset is not null)
        {
            members.Add(("preset", JsonText.Quote(preset)));
        }

        var answer = await CallAsync("torrents.add", JsonText.Members(members), tally);
        _lastAnswer = answer.Body;
        if (answer is not { Crash: null, Status: 200 })
        {
            return null;
        }

        using var document = JsonDocument.Parse(answer.Body);
        if (!document.RootElement.TryGetProperty("result", out var result))
        {
            return null;
        }

        var infoHash = result.GetProperty("info_hash").Clone();
        await CallAsync("torrents.peers.add", $"{{\"info_hash\":{infoHash.GetRawText()},\"peers\":[[\"127.0.0.1\",{_seeder.Port}]]}}", tally);
        return infoHash;
    }

    // Downloads of 16 KiB from loopback take a moment; a torrent whose storage failed is settled too.
    private async Task WaitUntilCompleteAsync(List<JsonElement> added)
    {
        var hashes = added.Select(hash => hash.GetRawText()).ToHashSet(StringComparer.Ordinal);
        await Eventually.Until(
            async () =>
            {
                var torrents = (await fixture.Host.Rpc.ResultAsync("torrents.list", new { page_size = 10_000 })).GetProperty("torrents");
                return torrents.EnumerateArray()
                    .Where(torrent => hashes.Contains(torrent.GetProperty("info_hash").GetRawText()))
                    .All(torrent => torrent.GetProperty("error").ValueKind != JsonValueKind.Null
                        || (TorrentState)torrent.GetProperty("state").GetInt32() is TorrentState.Finished or TorrentState.Seeding);
            },
            TimeSpan.FromSeconds(60),
            $"the {added.Count} accepted torrents to download from the loopback seeder");
    }

    private Task<ProbeAnswer> CallAsync(string method, string parameters, ProbeTally tally)
    {
        var body = JsonText.Members([("jsonrpc", "\"2.0\""), ("id", "1"), ("method", JsonText.Quote(method)), ("params", parameters)]);
        return fixture.Probe.PostAsync(JsonText.Utf8(body), "application/json", tally, $"{method} {parameters[..Math.Min(parameters.Length, 300)]}");
    }
}
