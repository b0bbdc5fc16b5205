using System.Security.Cryptography;
using System.Text;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Engine.Tests;

/// <summary>
/// AddAsync answers each add from libtorrent's add alert, matched by the request's own id: concurrent adds each get
/// their own torrent, and a duplicate is refused to exactly the adds that lost.
/// </summary>
public sealed class AsyncAddTests : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly TorrentEngine _engine = LoopbackEngine.Create(FreePort.Next());

    public void Dispose()
    {
        _engine.Dispose();
        _root.Dispose();
    }

    [Fact]
    public async Task Concurrent_adds_each_get_the_torrent_they_asked_for()
    {
        var hashes = Enumerable.Range(0, 500).Select(_ => RandomHash()).ToList();

        var torrents = await Task.WhenAll(hashes.Select(hash => Task.Run(() => _engine.AddAsync(Magnet(hash)))));

        try
        {
            Assert.Equal(hashes, torrents.Select(torrent => torrent.InfoHashes.V1));
            Assert.Equal(hashes.Order(StringComparer.Ordinal), _engine.GetAllStatus().Select(status => status.InfoHashes.V1).Order(StringComparer.Ordinal));
            // Each object drives its own torrent: pausing one leaves the others as they were.
            torrents[0].Resume();
            Assert.False(torrents[0].GetStatus().IsPaused);
            Assert.True(torrents[1].GetStatus().IsPaused);
        }
        finally
        {
            foreach (var torrent in torrents)
            {
                torrent.Dispose();
            }
        }
    }

    [Fact]
    public async Task Of_concurrent_adds_of_one_torrent_one_wins_and_the_others_are_duplicates()
    {
        var hash = RandomHash();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            try
            {
                return (Torrent: await _engine.AddAsync(Magnet(hash)), Error: (Exception?)null);
            }
            catch (Exception exception)
            {
                return (Torrent: (Torrent?)null, Error: exception);
            }
        }));

        var winner = Assert.Single(outcomes, outcome => outcome.Torrent is not null).Torrent!;
        using (winner)
        {
            Assert.Equal(hash, winner.InfoHashes.V1);
            Assert.All(outcomes.Where(outcome => outcome.Torrent is null), outcome => Assert.IsType<DuplicateTorrentException>(outcome.Error));
            Assert.Single(_engine.GetAllStatus());
        }
    }

    [Fact]
    public async Task Web_seeds_enter_with_the_add()
    {
        const string urlSeed = "http://127.0.0.1:1/url-seed/", httpSeed = "http://127.0.0.1:1/http-seed";
        using var torrent = await _engine.AddAsync(Magnet(RandomHash()) with { UrlSeeds = [urlSeed], HttpSeeds = [httpSeed] });

        // The resume data lists the torrent's web seeds by kind: BEP 19 under url-list, BEP 17 under httpseeds.
        var resume = Encoding.ASCII.GetString(await _engine.SaveResumeDataAsync(torrent).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains($"8:url-listl{urlSeed.Length}:{urlSeed}e", resume, StringComparison.Ordinal);
        Assert.Contains($"9:httpseedsl{httpSeed.Length}:{httpSeed}e", resume, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_added_torrent_reaches_the_status_snapshot_with_the_next_bulk_update()
    {
        var hash = RandomHash();

        using var torrent = await _engine.AddAsync(Magnet(hash));

        await Eventually.Until(() => _engine.StatusSnapshot.ContainsKey(hash), TimeSpan.FromSeconds(30), "the new torrent's status in the snapshot");
        Assert.True(_engine.StatusSnapshot[hash].IsPaused);
    }

    private AddTorrentRequest Magnet(string hash) =>
        new() { MagnetUri = $"magnet:?xt=urn:btih:{hash}", SavePath = _root.Path, Paused = true };

    private static string RandomHash() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
}
