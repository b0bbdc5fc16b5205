using System.Text.Json;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Host.Tests;

public sealed class DownloadThroughGatewayTests
{
    private const long FileSize = 64L * 1024 * 1024;

    [Fact]
    public async Task A_torrent_added_over_http_downloads_from_a_loopback_seeder_and_lists_it_as_a_peer_while_running()
    {
        using var root = new TempDirectory();
        // 8 MB/s: the 64 MiB transfer lasts about eight seconds, long enough to look at the seeder mid-transfer.
        using var seeder = new LoopbackSeeder(uploadRateLimit: 8 * 1024 * 1024);
        var (torrentFile, sourcePath) = seeder.Seed("gateway-download.bin", FileSize, seed: 64);
        await using var host = await HostProcess.StartEmbeddedAsync(Path.Combine(root.Path, "host"));

        var added = await host.Rpc.ResultAsync("torrents.add", new { ti = Convert.ToBase64String(torrentFile) });
        var infoHash = added.GetProperty("info_hash");
        Assert.Equal(40, infoHash[0].GetString()!.Length);
        Assert.Equal(64, infoHash[1].GetString()!.Length);
        var byHash = new { info_hash = new[] { infoHash[0].GetString(), infoHash[1].GetString() } };

        var peersAdded = await host.Rpc.ResultAsync("torrents.peers.add", new { byHash.info_hash, peers = new object[] { new object[] { "127.0.0.1", seeder.Port } } });
        Assert.True(peersAdded.GetBoolean());

        var first = await SeederPeerAsync(host, byHash);
        PeerFieldAssertions.HasEverySeedField(first);
        Assert.Equal("127.0.0.1", first.GetProperty("ip")[0].GetString());
        Assert.Equal(seeder.Port, first.GetProperty("ip")[1].GetInt32());
        Assert.Equal(1.0, first.GetProperty("progress").GetDouble());
        Assert.False(string.IsNullOrWhiteSpace(first.GetProperty("client").GetString()));
        Assert.Equal(1, first.GetProperty("connection_type").GetInt32());

        // The peer snapshot is at most a second old: look again after two.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var second = await SeederPeerAsync(host, byHash);
        Assert.True(
            second.GetProperty("total_download").GetInt64() > first.GetProperty("total_download").GetInt64(),
            $"total_download should grow: {first.GetProperty("total_download")} then {second.GetProperty("total_download")}");

        await ListedTorrents.WaitAsync(host, infoHash[0].GetString()!, ListedTorrents.IsComplete, TimeSpan.FromSeconds(120), "the download to complete");

        var listed = await ListedTorrents.GetAsync(host, infoHash[0].GetString()!);
        Assert.Equal(FileSize, listed.GetProperty("size").GetInt64());
        Assert.False(string.IsNullOrEmpty(listed.GetProperty("silo").GetString()));
        var downloaded = Path.Combine(listed.GetProperty("save_path").GetString()!, "gateway-download.bin");
        Assert.Equal(TestFiles.Sha256(sourcePath), TestFiles.Sha256(downloaded));
    }

    private static async Task<JsonElement> SeederPeerAsync(HostProcess host, object byHash)
    {
        JsonElement found = default;
        await Eventually.Until(
            async () =>
            {
                var peers = (await host.Rpc.ResultAsync("torrents.peers.list", byHash)).GetProperty("peers");
                foreach (var peer in peers.EnumerateArray())
                {
                    if (peer.GetProperty("progress").GetDouble() >= 1.0 && peer.GetProperty("total_download").GetInt64() > 0)
                    {
                        found = peer.Clone();
                        return true;
                    }
                }

                return false;
            },
            TimeSpan.FromSeconds(30),
            "the seeder to show in torrents.peers.list");
        return found;
    }
}
