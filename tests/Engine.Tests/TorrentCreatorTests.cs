using System.Security.Cryptography;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Engine.Tests;

public sealed class TorrentCreatorTests
{
    [Theory]
    [InlineData(TorrentVersion.V1, true, false)]
    [InlineData(TorrentVersion.V2, false, true)]
    [InlineData(TorrentVersion.Hybrid, true, true)]
    public void A_file_becomes_a_torrent_of_the_asked_version_with_hashes_of_its_info_dictionary(TorrentVersion version, bool hasV1, bool hasV2)
    {
        using var root = new TempDirectory();
        var path = Path.Combine(root.Path, "single.bin");
        TestFiles.CreateRandom(path, 3 * 1024 * 1024 + 17, seed: 9);

        var torrentFile = TorrentCreator.Create(new CreateTorrentOptions { Path = path, Version = version, Trackers = ["http://127.0.0.1:1/announce"], Comment = "test" });
        var metadata = TorrentMetadata.Parse(torrentFile);

        Assert.Equal("single.bin", metadata.Name);
        AssertSizeWithPadding(3 * 1024 * 1024 + 17, metadata, version);
        // A v2 or hybrid single-file torrent may carry a trailing pad file.
        Assert.InRange(metadata.NumFiles, 1, version == TorrentVersion.V1 ? 1 : 2);
        Assert.Equal(hasV1, metadata.InfoHashes.V1 is { Length: 40 });
        Assert.Equal(hasV2, metadata.InfoHashes.V2 is { Length: 64 });
        var info = Bencode.InfoDictionary(torrentFile);
        if (hasV1)
        {
#pragma warning disable CA5350 // BitTorrent v1 is defined on SHA-1.
            Assert.Equal(Convert.ToHexStringLower(SHA1.HashData(info)), metadata.InfoHashes.V1);
#pragma warning restore CA5350
        }

        if (hasV2)
        {
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(info)), metadata.InfoHashes.V2);
        }
    }

    [Theory]
    [InlineData(TorrentVersion.V1)]
    [InlineData(TorrentVersion.V2)]
    [InlineData(TorrentVersion.Hybrid)]
    public void A_folder_with_nested_files_becomes_one_torrent(TorrentVersion version)
    {
        using var root = new TempDirectory();
        var folder = Path.Combine(root.Path, "album");
        TestFiles.CreateRandom(Path.Combine(folder, "a.bin"), 100_000, seed: 1);
        TestFiles.CreateRandom(Path.Combine(folder, "disc 2", "b.bin"), 200_000, seed: 2);
        TestFiles.CreateRandom(Path.Combine(folder, "disc 2", "deeper", "c.bin"), 1, seed: 3);

        var metadata = TorrentMetadata.Parse(TorrentCreator.Create(new CreateTorrentOptions { Path = folder, Version = version }));

        Assert.Equal("album", metadata.Name);
        AssertSizeWithPadding(300_001, metadata, version);
        // Hybrid torrents align files to pieces with pad files, which count as files of the torrent.
        Assert.True(metadata.NumFiles >= 3);
    }

    // v2 aligns files to piece boundaries with pad files, and libtorrent counts them in the total size.
    private static void AssertSizeWithPadding(long dataSize, TorrentMetadata metadata, TorrentVersion version)
    {
        if (version == TorrentVersion.V1)
        {
            Assert.Equal(dataSize, metadata.TotalSize);
        }
        else
        {
            Assert.InRange(metadata.TotalSize, dataSize, dataSize + (metadata.NumFiles * (long)metadata.PieceLength));
        }
    }

    [Fact]
    public void A_path_that_does_not_exist_is_an_io_error()
    {
        Assert.Throws<EngineIOException>(() => TorrentCreator.Create(new CreateTorrentOptions { Path = "/nonexistent/torrentcluster/nothing" }));
    }

    [Fact]
    public void A_magnet_link_gives_its_hashes_and_name()
    {
        var v1 = new string('a', 40);
        var metadata = TorrentMetadata.ParseMagnet($"magnet:?xt=urn:btih:{v1}&dn=hello");
        Assert.Equal(v1, metadata.InfoHashes.V1);
        Assert.Null(metadata.InfoHashes.V2);
        Assert.Equal("hello", metadata.Name);
    }
}
