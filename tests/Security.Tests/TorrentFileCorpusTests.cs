using System.Text.Json;
using TorrentCluster.Engine;
using TorrentCluster.Security.Tests.Corpus;
using TorrentCluster.Security.Tests.Hosting;
using TorrentCluster.Security.Tests.Probing;
using TorrentCluster.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TorrentCluster.Security.Tests;

/// <summary>
/// Generated hostile .torrent files through <c>torrents.add</c> of a running embedded host: every one is answered
/// with a result or a JSON-RPC error, the host stays up within its memory bound, and no file appears outside its
/// data folder, neither when the torrents start nor when they are removed with their data.
/// </summary>
[Collection(HostileHostCollection.Name)]
public sealed class TorrentFileCorpusTests(HostileHost fixture, ITestOutputHelper output)
{
    private const int TruncationsPerFile = 300;
    private const int GarbageInputs = 300;

    [Fact]
    public async Task The_well_formed_shapes_the_corpus_bends_are_accepted()
    {
        // If these were refused, every hostile variant of them would be refused for the wrong reason.
        var shapes = new[]
        {
            new HostileInput("well-formed", "v1 single file", TorrentShapes.V1Single("single", 100_000).Encode()),
            new HostileInput("well-formed", "v1 multi-file", TorrentShapes.V1Multi("multi", [new(1000, ["a"]), new(0, ["b", "c"])]).Encode()),
            new HostileInput("well-formed", "v2 single file", TorrentShapes.V2Single("v2", 1000).Encode()),
            new HostileInput("well-formed", "hybrid single file", TorrentShapes.HybridSingle("hybrid", 1000).Encode()),
        };
        var sender = new TorrentsAddSender(fixture.Probe);
        var tally = new ProbeTally("well-formed shapes");
        tally.Report(output, await sender.SendTorrentFilesAsync(shapes, tally));

        Assert.Empty(tally.Crashes);
        Assert.Equal(shapes.Length, sender.Added.Count);
        await fixture.RemoveAsync(sender.Added);
        await fixture.AssertStillStandingAsync(output, "the well-formed shapes");
    }

    [Fact]
    public async Task Hostile_names_and_paths_write_nothing_outside_the_data_folder()
    {
        var corpus = TorrentNameAttacks.All(fixture.Targets.SentinelPath).ToList();
        var sender = new TorrentsAddSender(fixture.Probe);
        var tally = new ProbeTally("torrent names and paths");
        var elapsed = await sender.SendTorrentFilesAsync(corpus, tally);

        // The engine lays files out when a torrent leaves its checking states: look only after that.
        await WaitUntilCheckedAsync(sender.Added);
        tally.Report(output, elapsed);
        Assert.Equal(corpus.Count, tally.Tried);
        Assert.Empty(tally.Crashes);
        await fixture.AssertStillStandingAsync(output, $"{corpus.Count} torrents with hostile names ({sender.Added.Count} accepted)");

        await fixture.RemoveAsync(sender.Added);
        await fixture.AssertStillStandingAsync(output, $"removing those {sender.Added.Count} with their data");
    }

    [Fact]
    public async Task Torrents_that_lie_about_their_structure_are_answered()
    {
        var corpus = TorrentStructureAttacks.All().ToList();
        var sender = new TorrentsAddSender(fixture.Probe);
        var tally = new ProbeTally("torrent structures (piece counts and lengths, v2/hybrid, integers, duplicate keys)");
        tally.Report(output, await sender.SendTorrentFilesAsync(corpus, tally));

        Assert.Equal(corpus.Count, tally.Tried);
        Assert.Empty(tally.Crashes);
        await fixture.RemoveAsync(sender.Added);
        await fixture.AssertStillStandingAsync(output, $"{corpus.Count} torrents with lying structures");
    }

    [Fact]
    public async Task Broken_bencode_is_answered()
    {
        var random = new Random(Seed());
        using var folder = new TempDirectory();
        TestFiles.CreateRandom(Path.Combine(folder.Path, "real", "a.bin"), 40_000, seed: 1);
        TestFiles.CreateRandom(Path.Combine(folder.Path, "real", "b", "c.bin"), 1, seed: 2);
        TestFiles.CreateRandom(Path.Combine(folder.Path, "real", "d.bin"), 70_000, seed: 3);
        var realHybrid = TorrentCreator.Create(new CreateTorrentOptions { Path = Path.Combine(folder.Path, "real"), Version = TorrentVersion.Hybrid });
        var handMade = TorrentShapes.V1Multi("hand-made", [new(20_000, ["a"]), new(1, ["b", "c"])]).Encode();

        var corpus = BencodeByteAttacks.Truncations("a hybrid torrent made by libtorrent", realHybrid, TruncationsPerFile, random)
            .Concat(BencodeByteAttacks.Truncations("a v1 torrent made here", handMade, TruncationsPerFile, random))
            .Concat(BencodeByteAttacks.Garbage(GarbageInputs, random))
            .Concat(BencodeByteAttacks.DeepNesting())
            .Concat(BencodeByteAttacks.BrokenStrings())
            .ToList();
        var sender = new TorrentsAddSender(fixture.Probe);
        var tally = new ProbeTally("broken bencode (truncations, garbage, nesting, string lengths)");
        tally.Report(output, await sender.SendTorrentFilesAsync(corpus, tally));

        Assert.Equal(corpus.Count, tally.Tried);
        Assert.Empty(tally.Crashes);
        await fixture.RemoveAsync(sender.Added);
        await fixture.AssertStillStandingAsync(output, $"{corpus.Count} inputs of broken bencode (16 MiB of garbage among them)");
    }

    private int Seed()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"random seed {seed}");
        return seed;
    }

    private async Task WaitUntilCheckedAsync(IEnumerable<JsonElement> added)
    {
        var hashes = added.Select(hash => hash.GetRawText()).ToHashSet(StringComparer.Ordinal);
        var checking = new List<string>();
        try
        {
            await Eventually.Until(
                async () =>
                {
                    var torrents = (await fixture.Host.Rpc.ResultAsync("torrents.list", new { page_size = 10_000 })).GetProperty("torrents");
                    checking = [.. torrents.EnumerateArray()
                        .Where(torrent => hashes.Contains(torrent.GetProperty("info_hash").GetRawText()))
                        // A torrent whose storage failed (a name too long, a file where a folder must be) stays "checking"
                        // with its error set: settled too, as far as the disk goes.
                        .Where(torrent => torrent.GetProperty("error").ValueKind == JsonValueKind.Null)
                        .Where(torrent => (TorrentState)torrent.GetProperty("state").GetInt32() is TorrentState.CheckingFiles or TorrentState.CheckingResumeData)
                        .Select(torrent => $"{Excerpt(torrent.GetProperty("name").GetString())} ({(TorrentState)torrent.GetProperty("state").GetInt32()})")];
                    return checking.Count == 0;
                },
                TimeSpan.FromSeconds(30),
                "the accepted torrents to finish checking");
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message}; still checking: {string.Join("; ", checking)}", timeout);
        }
    }

    private static string Excerpt(string? text) => text is null ? string.Empty : text[..Math.Min(60, text.Length)];
}
