using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Engine.Tests;

/// <summary>The magnet link the cluster keeps in place of a .torrent, to fetch it from the swarm when need be.</summary>
public sealed class MagnetOfTorrentFileTests
{
    [Theory]
    [InlineData(TorrentVersion.V1)]
    [InlineData(TorrentVersion.Hybrid)]
    [InlineData(TorrentVersion.V2)]
    public void A_torrent_files_magnet_link_names_its_hashes_name_trackers_and_web_seeds(TorrentVersion version)
    {
        using var root = new TempDirectory();
        var path = Path.Combine(root.Path, "named.bin");
        TestFiles.CreateRandom(path, 1024 * 1024, seed: 31);
        var torrentFile = TorrentCreator.Create(new CreateTorrentOptions
        {
            Path = path,
            Version = version,
            Trackers = ["http://127.0.0.1:1/announce", "udp://127.0.0.1:2/announce"],
            WebSeeds = ["http://127.0.0.1:3/files/"],
        });

        var magnet = TorrentMetadata.MagnetUriOf(torrentFile);

        var parsed = TorrentMetadata.ParseMagnet(magnet);
        Assert.Equal(TorrentMetadata.Parse(torrentFile).InfoHashes, parsed.InfoHashes);
        Assert.Equal("named.bin", parsed.Name);
        Assert.Contains("tr=http%3a%2f%2f127.0.0.1%3a1%2fannounce", magnet, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("tr=udp%3a%2f%2f127.0.0.1%3a2%2fannounce", magnet, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ws=http%3a%2f%2f127.0.0.1%3a3%2ffiles%2f", magnet, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Bytes_that_are_not_a_torrent_have_no_magnet_link()
    {
        Assert.Throws<InvalidTorrentException>(() => TorrentMetadata.MagnetUriOf("d4:infoi1ee"u8));
    }
}
