using System.Security.Cryptography;

namespace TorrentCluster.Testing;

/// <summary>Generated test data: deterministic for a seed, written in large blocks.</summary>
public static class TestFiles
{
    private const int BlockSize = 1024 * 1024;

    /// <summary>Writes <paramref name="size"/> pseudo-random bytes; the same seed gives the same file.</summary>
    public static void CreateRandom(string path, long size, int seed)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var random = new Random(seed);
        var block = new byte[BlockSize];
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, BlockSize);
        for (long written = 0; written < size; written += BlockSize)
        {
            random.NextBytes(block);
            file.Write(block, 0, (int)Math.Min(BlockSize, size - written));
        }
    }

    /// <summary>The SHA-256 of a file as lowercase hex.</summary>
    public static string Sha256(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }
}
