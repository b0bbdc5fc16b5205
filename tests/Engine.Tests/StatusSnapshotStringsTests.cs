using System.Collections.Concurrent;
using System.Security.Cryptography;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Engine.Tests;

/// <summary>
/// The status snapshot holds each string of a torrent once: a status read from the engine brings fresh copies of
/// its info-hash, name and save path, and the snapshot keeps the instances it already has.
/// </summary>
public sealed class StatusSnapshotStringsTests
{
    [Fact]
    public async Task A_status_update_keeps_the_torrents_strings_and_torrents_in_one_folder_share_one_save_path()
    {
        using var root = new TempDirectory();
        var options = LoopbackEngine.Options(FreePort.Next());
        options.StatusInterval = TimeSpan.FromMilliseconds(50);
        using var engine = new TorrentEngine(options);
        var posted = new ConcurrentDictionary<string, TorrentStatus>(StringComparer.Ordinal);
        engine.StatusUpdated += (_, args) =>
        {
            foreach (var status in args.Changed)
            {
                posted[status.InfoHashes.Canonical] = status;
            }
        };

        var torrents = new List<Torrent>();
        for (var i = 0; i < 2; i++)
        {
            torrents.Add(await engine.AddAsync(new AddTorrentRequest { MagnetUri = $"magnet:?xt=urn:btih:{RandomHash()}&dn=strings", SavePath = root.Path }));
        }

        // A new torrent enters the snapshot with its first status, which takes the instances the add gave the torrent.
        await Eventually.Until(
            () => torrents.All(torrent => engine.StatusSnapshot.ContainsKey(torrent.InfoHashes.Canonical)), TimeSpan.FromSeconds(30), "each torrent's first status");
        var names = torrents.Select(torrent => engine.StatusSnapshot[torrent.InfoHashes.Canonical].Name).ToList();
        posted.Clear();

        // A pause is a change of state, so each torrent gets an update after its first.
        torrents.ForEach(torrent => torrent.Pause());
        await Eventually.Until(
            () => torrents.All(torrent => posted.ContainsKey(torrent.InfoHashes.Canonical)), TimeSpan.FromSeconds(30), "a status update of each torrent");

        for (var i = 0; i < torrents.Count; i++)
        {
            var key = torrents[i].InfoHashes.Canonical;
            var update = posted[key];
            var kept = engine.StatusSnapshot[key];
            // The update came with copies of its own...
            Assert.NotSame(torrents[i].InfoHashes.V1, update.InfoHashes.V1);
            Assert.Equal(torrents[i].InfoHashes.V1, update.InfoHashes.V1);
            // ...and the snapshot kept the instances the torrent and its first status hold.
            Assert.Same(torrents[i].InfoHashes.V1, kept.InfoHashes.V1);
            Assert.Same(names[i], kept.Name);
            Assert.Equal(update.Progress, kept.Progress);
        }

        Assert.Same(engine.StatusSnapshot[torrents[0].InfoHashes.Canonical].SavePath, engine.StatusSnapshot[torrents[1].InfoHashes.Canonical].SavePath);
        foreach (var torrent in torrents)
        {
            engine.Remove(torrent, deleteFiles: false);
            torrent.Dispose();
        }
    }

    private static string RandomHash() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
}
