using System.Security.Cryptography;

namespace TorrentCluster.Bench.Scale;

/// <summary>A generated .torrent file and its v1 info-hash (40 lowercase hex characters).</summary>
internal sealed record GeneratedTorrent(byte[] File, string InfoHash);

/// <summary>
/// Generates the torrents, the same bytes for our host, bare libtorrent and Transmission: deterministic
/// from their index (so two programs given the same indices get the same info-hashes), no data on disk.
/// </summary>
internal static class TorrentFactory
{
    /// <summary>A farm-scale torrent: 16 pieces of 16 KiB, metadata only.</summary>
    public static GeneratedTorrent MetadataOnly(int index)
    {
        const int pieceLength = 16 * 1024;
        const int pieces = 16;
        return Create(new Dictionary<string, object>
        {
            ["name"] = $"scale-meta-{index:D7}",
            ["piece length"] = pieceLength,
            ["length"] = (long)pieceLength * pieces,
            ["pieces"] = PieceHashes(pieces, seed: index),
        });
    }

    /// <summary>A realistic torrent: 2,000 pieces of 256 KiB in 20 files, about 40 KB of .torrent.</summary>
    public static GeneratedTorrent Realistic(int index)
    {
        const int pieceLength = 256 * 1024;
        const int pieces = 2000;
        const int files = 20;
        const long fileLength = (long)pieceLength * pieces / files;
        return Create(new Dictionary<string, object>
        {
            ["name"] = $"scale-real-{index:D7}",
            ["piece length"] = pieceLength,
            ["files"] = Enumerable.Range(0, files)
                .Select(file => (object)new Dictionary<string, object> { ["length"] = fileLength, ["path"] = new[] { $"file-{file:D2}.bin" } })
                .ToList(),
            ["pieces"] = PieceHashes(pieces, seed: 1_000_000_000 + index),
        });
    }

    /// <summary>A v1 torrent of a real file, its pieces hashed.</summary>
    public static GeneratedTorrent OfFile(string path, int pieceLength)
    {
        using var file = File.OpenRead(path);
        var hashes = new MemoryStream();
        var buffer = new byte[pieceLength];
        int read;
        while ((read = file.ReadAtLeast(buffer, pieceLength, throwOnEndOfStream: false)) > 0)
        {
#pragma warning disable CA5350 // BitTorrent v1 is defined on SHA-1.
            hashes.Write(SHA1.HashData(buffer.AsSpan(0, read)));
#pragma warning restore CA5350
        }

        var info = new Dictionary<string, object>
        {
            ["name"] = Path.GetFileName(path),
            ["piece length"] = pieceLength,
            ["length"] = file.Length,
            ["pieces"] = hashes.ToArray(),
        };
        return Create(info);
    }

    /// <summary>Writes torrents 0 to <paramref name="count"/>-1 of a kind into a folder as .torrent files.</summary>
    public static void WriteFolder(string folder, int count, Func<int, GeneratedTorrent> kind)
    {
        Directory.CreateDirectory(folder);
        Parallel.For(0, count, index => File.WriteAllBytes(Path.Combine(folder, $"{index:D7}.torrent"), kind(index).File));
    }

    /// <summary>Random bytes of a given size, the same for the same seed (the payload of data torrents).</summary>
    public static void WriteRandomFile(string path, long size, int seed)
    {
        var random = new Random(seed);
        var buffer = new byte[1 << 20];
        using var file = File.Create(path);
        for (var written = 0L; written < size; written += buffer.Length)
        {
            random.NextBytes(buffer);
            file.Write(buffer, 0, (int)Math.Min(buffer.Length, size - written));
        }
    }

    private static GeneratedTorrent Create(Dictionary<string, object> info)
    {
        var torrent = new Dictionary<string, object> { ["info"] = info, ["created by"] = "TorrentCluster bench/Scale" };
#pragma warning disable CA5350 // the v1 info-hash is SHA-1 by definition.
        return new GeneratedTorrent(Bencode.Encode(torrent), Convert.ToHexStringLower(SHA1.HashData(Bencode.Encode(info))));
#pragma warning restore CA5350
    }

    // Random hashes: the torrents are never checked against data, but every one is different, and so is every info-hash.
    private static byte[] PieceHashes(int pieces, int seed)
    {
        var bytes = new byte[pieces * 20];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
