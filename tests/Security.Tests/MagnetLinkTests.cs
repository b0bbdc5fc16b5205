using TorrentCluster.Security.Tests.Corpus;
using TorrentCluster.Security.Tests.Hosting;
using TorrentCluster.Security.Tests.Probing;
using Xunit;
using Xunit.Abstractions;

namespace TorrentCluster.Security.Tests;

/// <summary>Hostile magnet links through <c>torrents.add</c>: each answered, the host standing, nothing written outside.</summary>
[Collection(HostileHostCollection.Name)]
public sealed class MagnetLinkTests(HostileHost fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Hostile_magnet_links_are_answered()
    {
        var corpus = HostileMagnets.All(fixture.Targets.SentinelPath).ToList();
        var sender = new TorrentsAddSender(fixture.Probe);
        var tally = new ProbeTally("magnet links");
        tally.Report(output, await sender.SendMagnetLinksAsync(corpus, tally));

        Assert.Equal(corpus.Count, tally.Tried);
        Assert.Empty(tally.Crashes);
        // The two valid ones at least: the corpus reaches the engine, not only the parser.
        Assert.True(sender.Added.Count >= 2, $"only {sender.Added.Count} magnet links were accepted");
        await fixture.RemoveAsync(sender.Added);
        await fixture.AssertStillStandingAsync(output, $"{corpus.Count} hostile magnet links ({sender.Added.Count} accepted)");
    }
}
