using System.Security.Cryptography;
using TorrentCluster.Bench.Scale;

namespace TorrentCluster.Bench.ConsoleLoad;

/// <summary>
/// The fleet's torrents: metadata only (16 pieces, no data), but unlike bench/Scale's all alike they differ where the
/// Torrents page sorts and filters: sizes from 240 KiB to 32 MiB, ten categories, seven tags, spread over the silos
/// in turn. Deterministic from their index.
/// </summary>
internal sealed record FleetTorrent(byte[] File, string InfoHash, string Category, string Tag, string Silo)
{
    public const int Pieces = 16;

    public static FleetTorrent Create(int index, int silos)
    {
        // Piece lengths 16 KiB to 2 MiB; the last piece is short by a varying amount, so sizes rarely tie.
        var pieceLength = 16 * 1024 << (index % 8);
        var length = (long)pieceLength * (Pieces - 1) + 1 + (index * 7919L % pieceLength);
        var hashes = new byte[Pieces * 20];
        new Random(index).NextBytes(hashes);
        var info = new Dictionary<string, object>
        {
            ["name"] = $"console-load-{Words[index % Words.Length]}-{index:D6}",
            ["piece length"] = pieceLength,
            ["length"] = length,
            ["pieces"] = hashes,
        };
        var torrent = new Dictionary<string, object> { ["info"] = info, ["created by"] = "TorrentCluster bench/ConsoleLoad" };
#pragma warning disable CA5350 // the v1 info-hash is SHA-1 by definition.
        var infoHash = Convert.ToHexStringLower(SHA1.HashData(Bencode.Encode(info)));
#pragma warning restore CA5350
        return new FleetTorrent(Bencode.Encode(torrent), infoHash, $"cat-{index % 10}", $"tag-{index % 7}", $"silo-{index % silos}");
    }

    /// <summary>The torrents.add params: paused (nothing to download), on its silo, with its category and tag.</summary>
    public object AddParams() => new
    {
        ti = Convert.ToBase64String(File),
        paused = true,
        session = Silo,
        category = Category,
        tags = new[] { Tag },
    };

    private static readonly string[] Words = ["debian", "ubuntu", "fedora", "arch", "mint", "alpine", "gentoo", "void", "nixos", "suse"];
}
