using System.Security.Cryptography;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Engine.Tests;

/// <summary>The engine's status snapshot holds exactly the torrents in the session.</summary>
public sealed class StatusSnapshotTests
{
    [Fact]
    public async Task Torrents_removed_while_their_statuses_are_posted_leave_the_snapshot()
    {
        using var root = new TempDirectory();
        var options = LoopbackEngine.Options(FreePort.Next());
        // Statuses posted every few milliseconds, so that many land in the same alert batch as a removal.
        options.StatusInterval = TimeSpan.FromMilliseconds(5);
        using var engine = new TorrentEngine(options);
        var removed = 0;
        engine.TorrentRemoved += (_, _) => Interlocked.Increment(ref removed);

        const int rounds = 20, perRound = 50;
        for (var round = 0; round < rounds; round++)
        {
            // Started (not paused) magnets change state right after the add: each gets a status update.
            var torrents = await Task.WhenAll(Enumerable.Range(0, perRound)
                .Select(_ => engine.AddAsync(new AddTorrentRequest { MagnetUri = $"magnet:?xt=urn:btih:{RandomHash()}", SavePath = root.Path })));
            await Task.Delay(TimeSpan.FromMilliseconds(round % 5 * 3));
            foreach (var torrent in torrents)
            {
                engine.Remove(torrent, deleteFiles: false);
                torrent.Dispose();
            }
        }

        await Eventually.Until(() => Volatile.Read(ref removed) == rounds * perRound, TimeSpan.FromSeconds(60), "every removal alert");
        // A few more status rounds: nothing may come back.
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        Assert.Empty(engine.GetAllStatus());
        Assert.True(engine.StatusSnapshot.Count == 0, $"{engine.StatusSnapshot.Count} of {rounds * perRound} removed torrents are still in the snapshot");
    }

    private static string RandomHash() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
}
