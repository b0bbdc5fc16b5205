using System.Security.Cryptography;
using TorrentCluster.Security.Tests.Bencoding;
using static TorrentCluster.Security.Tests.Corpus.TorrentShapes;

namespace TorrentCluster.Security.Tests.Corpus;

/// <summary>
/// .torrent files that are well-formed bencode but lie about their structure: huge piece counts, piece lengths
/// of 0 or not a power of two, v2 and hybrid halves that disagree, integers out of range and repeated keys.
/// </summary>
public static class TorrentStructureAttacks
{
    public static IEnumerable<HostileInput> All()
    {
        // Half a million real piece hashes (10 MB): big but within the body limit, as an attacker would send.
        yield return Input("huge piece counts", "500,000 pieces", V1Single("huge", 500_000 * PieceLength));
        foreach (var (length, what) in new[] { (long.MaxValue, "2^63-1 bytes"), (1L << 62, "2^62 bytes"), (1L << 45, "32 TiB") })
        {
            yield return Input("huge piece counts", $"a file of {what} with one piece hash",
                WithInfo(V1Single("claims", 1), info => info.With("length", BNode.Number(length))));
            yield return Input("huge piece counts", $"files adding up past 2^63 ({what} each)",
                WithInfo(V1Multi("sum", [new(1, ["a"]), new(1, ["b"])]), info => info.With("files", BNode.List(
                    BNode.Dict(("length", BNode.Number(length)), ("path", BNode.List(BNode.Text("a")))),
                    BNode.Dict(("length", BNode.Number(length)), ("path", BNode.List(BNode.Text("b"))))))));
        }

        yield return Input("huge piece counts", "pieces not a multiple of 20 bytes",
            WithInfo(V1Single("odd", 3 * PieceLength), info => info.With("pieces", BNode.Bytes(RandomNumberGenerator.GetBytes(59)))));
        yield return Input("huge piece counts", "more piece hashes than pieces",
            WithInfo(V1Single("extra", PieceLength), info => info.With("pieces", BNode.Bytes(RandomNumberGenerator.GetBytes(20 * 1000)))));
        yield return Input("huge piece counts", "empty pieces", WithInfo(V1Single("none", PieceLength), info => info.With("pieces", BNode.Bytes([]))));

        foreach (var pieceLength in new[] { "0", "-1", "-16384", "1", "3", "12345", "16383", "16385", "2147483648", "1099511627776", "9223372036854775807", "99999999999999999999999" })
        {
            yield return Input("piece length", $"v1 piece length {pieceLength}",
                WithInfo(V1Single("pl", 100_000), info => info.With("piece length", BNode.RawInt(pieceLength)).With("pieces", Pieces(100_000, PieceLength))));
            yield return Input("piece length", $"v2 piece length {pieceLength}",
                WithInfo(V2Single("pl2", 1000), info => info.With("piece length", BNode.RawInt(pieceLength))));
        }

        yield return Input("piece length", "no piece length", WithInfo(V1Single("pl", 1000), info => info.Without("piece length")));
        yield return Input("piece length", "piece length as a string", WithInfo(V1Single("pl", 1000), info => info.With("piece length", BNode.Text("16384"))));

        foreach (var input in V2Mismatches())
        {
            yield return input;
        }

        foreach (var digits in new[] { "99999999999999999999999", "-99999999999999999999999", "-0", "007", "", "-", "1.5", "0x10", "1e3", " 1", "18446744073709551616", "-9223372036854775809" })
        {
            yield return Input("integers out of range", $"length i{digits}e", WithInfo(V1Single("int", 1), info => info.With("length", BNode.RawInt(digits))));
            yield return Input("integers out of range", $"meta version i{digits}e", WithInfo(V2Single("int2", 1), info => info.With("meta version", BNode.RawInt(digits))));
        }

        yield return Input("integers out of range", "a negative file length", WithInfo(V1Multi("neg", [new(1, ["a"])]), info => info.With("files", BNode.List(
            BNode.Dict(("length", BNode.Number(-1)), ("path", BNode.List(BNode.Text("a")))), BNode.Dict(("length", BNode.Number(2)), ("path", BNode.List(BNode.Text("b"))))))));
        yield return Input("integers out of range", "creation date 2^63-1", V1Single("date", 1).With("creation date", BNode.Number(long.MaxValue)));
        yield return Input("integers out of range", "a private flag of -1", WithInfo(V1Single("private", 1), info => info.With("private", BNode.Number(-1))));

        foreach (var input in DuplicateKeys())
        {
            yield return input;
        }
    }

    private static IEnumerable<HostileInput> V2Mismatches()
    {
        yield return Input("v2/hybrid mismatch", "v2 file without pieces root",
            WithInfo(V2Single("noroot", 1000), info => info.With("file tree", BNode.Dict(("noroot", BNode.Dict(("", BNode.Dict(("length", BNode.Number(1000))))))))));
        yield return Input("v2/hybrid mismatch", "pieces root of 31 bytes",
            WithInfo(V2Single("short", 1000), info => info.With("file tree", BNode.Dict(("short", BNode.Dict(("", BNode.Dict(("length", BNode.Number(1000)), ("pieces root", BNode.Bytes(new byte[31]))))))))));
        yield return Input("v2/hybrid mismatch", "a large v2 file without its piece layer",
            WithInfo(V2Single("nolayer", 1000), info => info.With("file tree", BNode.Dict(("nolayer", FileNode(100 * PieceLength))))));
        yield return Input("v2/hybrid mismatch", "a piece layer of the wrong size",
            WithInfo(V2Single("badlayer", 1000), info => info.With("file tree", BNode.Dict(("badlayer", FileNode(4 * PieceLength)))))
                .With("piece layers", BNode.Dict(("x", BNode.Bytes(new byte[33])))));
        yield return Input("v2/hybrid mismatch", "meta version 3", WithInfo(V2Single("v3", 1000), info => info.With("meta version", BNode.Number(3))));
        yield return Input("v2/hybrid mismatch", "meta version as a string", WithInfo(V2Single("v2s", 1000), info => info.With("meta version", BNode.Text("2"))));
        yield return Input("v2/hybrid mismatch", "an empty file tree", WithInfo(V2Single("empty", 1000), info => info.With("file tree", BNode.Dict())));
        yield return Input("v2/hybrid mismatch", "a file tree node that is a file and a folder",
            WithInfo(V2Single("both", 1000), info => info.With("file tree", BNode.Dict(("both", FileNode(10).With("child", FileNode(10)))))));
        yield return Input("v2/hybrid mismatch", "a file tree leaf at the top",
            WithInfo(V2Single("top", 1000), info => info.With("file tree", FileNode(10))));
        yield return Input("v2/hybrid mismatch", "a file tree that is a list", WithInfo(V2Single("list", 1000), info => info.With("file tree", BNode.List(FileNode(10)))));
        yield return Input("v2/hybrid mismatch", "hybrid: the v1 length disagrees with the file tree",
            WithInfo(HybridSingle("len", 1000), info => info.With("length", BNode.Number(1001))));
        yield return Input("v2/hybrid mismatch", "hybrid: the v1 name disagrees with the file tree",
            WithInfo(HybridSingle("name", 1000), info => info.With("file tree", BNode.Dict(("other", FileNode(1000))))));
        yield return Input("v2/hybrid mismatch", "hybrid: v1 lists two files, the file tree one",
            WithInfo(HybridSingle("count", 1000), info => info.Without("length").With("files", BNode.List(
                BNode.Dict(("length", BNode.Number(500)), ("path", BNode.List(BNode.Text("a")))),
                BNode.Dict(("length", BNode.Number(500)), ("path", BNode.List(BNode.Text("b"))))))));
        yield return Input("v2/hybrid mismatch", "hybrid: two files without pad files",
            WithInfo(HybridSingle("nopad", 1000), info => info.Without("length")
                .With("file tree", BNode.Dict(("a", FileNode(PieceLength + 1)), ("b", FileNode(1000))))
                .With("files", BNode.List(
                    BNode.Dict(("length", BNode.Number(PieceLength + 1)), ("path", BNode.List(BNode.Text("a")))),
                    BNode.Dict(("length", BNode.Number(1000)), ("path", BNode.List(BNode.Text("b"))))))
                .With("pieces", Pieces(PieceLength + 1001, PieceLength))));
        yield return Input("v2/hybrid mismatch", "hybrid: v1 pieces missing",
            WithInfo(HybridSingle("nopieces", 1000), info => info.Without("pieces")));
        yield return Input("v2/hybrid mismatch", "v1 pieces in a v2-only torrent of the wrong count",
            WithInfo(V2Single("stray", 1000), info => info.With("pieces", BNode.Bytes(new byte[200]))));
    }

    private static IEnumerable<HostileInput> DuplicateKeys()
    {
        var first = V1Single("first", 1);
        yield return Input("duplicate keys", "two info dictionaries", first.WithDuplicate("info", Info(V1Single("second", 2))));
        yield return Input("duplicate keys", "length twice", WithInfo(V1Single("len", 1), info => info.WithDuplicate("length", BNode.Number(1L << 40))));
        yield return Input("duplicate keys", "name twice, the second aimed upwards", WithInfo(V1Single("name", 0), info => info.WithDuplicate("name", BNode.Text("../../sentinel/pwned-dup"))));
        yield return Input("duplicate keys", "files and length both",
            WithInfo(V1Multi("both", [new(1, ["a"])]), info => info.With("length", BNode.Number(5))));
        yield return Input("duplicate keys", "info keys in reverse order", Torrent(new BDictionary([.. Info(V1Single("reverse", 1)).Entries.AsEnumerable().Reverse()])));
        yield return Input("duplicate keys", "pieces twice, second of the wrong size",
            WithInfo(V1Single("pieces", 1), info => info.WithDuplicate("pieces", BNode.Bytes(new byte[7]))));
    }

    private static HostileInput Input(string family, string description, BDictionary torrent) => new(family, description, torrent.Encode());
}
