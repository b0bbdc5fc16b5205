using System.Security.Cryptography;
using System.Text;

namespace TorrentCluster.Host.Tests;

/// <summary>
/// The farm-scale torrent: one file of 16 pieces of 16 KiB whose piece hashes are made up, so it has no
/// data anywhere; added paused, it costs the engine its metadata only.
/// </summary>
internal static class MetadataOnlyTorrent
{
    /// <summary>The length of each piece.</summary>
    public const int PieceLength = 16 * 1024;

    private const int Pieces = 16;
    private const int PieceHashLength = 20;

    /// <summary>A torrent of one file named <paramref name="name"/> of <paramref name="pieces"/> pieces of 16 KiB.</summary>
    public static byte[] Create(string name, int pieces = Pieces)
    {
        // Made-up piece hashes (20 bytes each, as SHA-1's): distinct per name, so every torrent has its own info-hash.
        var hashes = new byte[pieces * PieceHashLength];
        for (var piece = 0; piece < pieces; piece++)
        {
            SHA256.HashData(Encoding.UTF8.GetBytes($"{name}/{piece}")).AsSpan(0, PieceHashLength).CopyTo(hashes.AsSpan(piece * PieceHashLength));
        }

        // Bencoded keys in byte order: length, name, piece length, pieces.
        var nameBytes = Encoding.UTF8.GetBytes(name);
        using var torrent = new MemoryStream();
        Write(torrent, $"d4:infod6:lengthi{pieces * PieceLength}e4:name{nameBytes.Length}:");
        torrent.Write(nameBytes);
        Write(torrent, $"12:piece lengthi{PieceLength}e6:pieces{hashes.Length}:");
        torrent.Write(hashes);
        Write(torrent, "ee");
        return torrent.ToArray();
    }

    private static void Write(MemoryStream stream, string text) => stream.Write(Encoding.ASCII.GetBytes(text));
}
