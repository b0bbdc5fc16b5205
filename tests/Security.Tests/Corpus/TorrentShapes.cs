using System.Security.Cryptography;
using TorrentCluster.Security.Tests.Bencoding;

namespace TorrentCluster.Security.Tests.Corpus;

/// <summary>
/// Well-formed .torrent files built by hand, the starting points the hostile families bend: v1 single- and
/// multi-file, v2 and hybrid. Hashes are random (nothing is ever downloaded), so only the structure is real; a
/// random <c>x-nonce</c> in the info dictionary gives every file its own info-hash, so no input is refused only
/// for being a duplicate of an earlier one.
/// </summary>
public static class TorrentShapes
{
    public const long PieceLength = 16 * 1024;

    /// <summary>A v1 file entry: its length and its path components.</summary>
    public sealed record FileEntry(long Length, IReadOnlyList<string> Path);

    public static BDictionary V1Single(string name, long length, long pieceLength = PieceLength) =>
        Torrent(BNode.Dict(
            ("length", BNode.Number(length)),
            ("name", BNode.Text(name)),
            ("piece length", BNode.Number(pieceLength)),
            ("pieces", Pieces(length, pieceLength)),
            ("x-nonce", Nonce())));

    public static BDictionary V1Multi(string name, IReadOnlyList<FileEntry> files, long pieceLength = PieceLength) =>
        Torrent(V1MultiInfo(name, files.Select(file => (file.Length, BNode.Path(file.Path))).ToList(), pieceLength));

    /// <summary>A v1 multi-file info dictionary whose paths are given as bencode (to hold bytes that are not UTF-8).</summary>
    public static BDictionary V1MultiInfo(string name, IReadOnlyList<(long Length, BNode Path)> files, long pieceLength = PieceLength) =>
        BNode.Dict(
            ("files", BNode.List([.. files.Select(file => (BNode)BNode.Dict(("length", BNode.Number(file.Length)), ("path", file.Path)))])),
            ("name", BNode.Text(name)),
            ("piece length", BNode.Number(pieceLength)),
            ("pieces", Pieces(files.Sum(file => file.Length), pieceLength)),
            ("x-nonce", Nonce()));

    /// <summary>A v2 torrent of one file no longer than a piece (so BEP 52 needs no piece layer for it).</summary>
    public static BDictionary V2Single(string name, long length) =>
        Torrent(BNode.Dict(
            ("file tree", BNode.Dict((name, FileNode(length)))),
            ("meta version", BNode.Number(2)),
            ("name", BNode.Text(name)),
            ("piece length", BNode.Number(PieceLength)),
            ("x-nonce", Nonce())));

    /// <summary>A hybrid (v1 and v2) torrent of one file no longer than a piece: both halves describe the same file.</summary>
    public static BDictionary HybridSingle(string name, long length) =>
        Torrent(BNode.Dict(
            ("file tree", BNode.Dict((name, FileNode(length)))),
            ("length", BNode.Number(length)),
            ("meta version", BNode.Number(2)),
            ("name", BNode.Text(name)),
            ("piece length", BNode.Number(PieceLength)),
            ("pieces", Pieces(length, PieceLength)),
            ("x-nonce", Nonce())));

    /// <summary>A v2 file-tree leaf: <c>{"": {length, pieces root}}</c>.</summary>
    public static BDictionary FileNode(long length) =>
        BNode.Dict(("", BNode.Dict(("length", BNode.Number(length)), ("pieces root", BNode.Bytes(RandomNumberGenerator.GetBytes(32))))));

    public static BDictionary Torrent(BDictionary info) => BNode.Dict(("creation date", BNode.Number(1_700_000_000)), ("info", info));

    /// <summary>The info dictionary of a torrent built here.</summary>
    public static BDictionary Info(BDictionary torrent) => (BDictionary)torrent["info"]!;

    public static BDictionary WithInfo(BDictionary torrent, Func<BDictionary, BDictionary> change) => torrent.With("info", change(Info(torrent)));

    /// <summary>One random SHA-1 per piece of <paramref name="totalLength"/> bytes.</summary>
    public static BNode Pieces(long totalLength, long pieceLength)
    {
        var count = pieceLength <= 0 ? 1 : Math.Max(1, (totalLength + pieceLength - 1) / pieceLength);
        return BNode.Bytes(RandomNumberGenerator.GetBytes(checked((int)(count * 20))));
    }

    public static BNode Nonce() => BNode.Bytes(RandomNumberGenerator.GetBytes(8));
}
