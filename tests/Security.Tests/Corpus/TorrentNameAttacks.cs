using System.Text;
using TorrentCluster.Security.Tests.Bencoding;
using static TorrentCluster.Security.Tests.Corpus.TorrentShapes;

namespace TorrentCluster.Security.Tests.Corpus;

/// <summary>
/// .torrent files whose names and paths attack the disk: thousands of files, deep paths, absolute paths, <c>..</c>
/// aimed at the sentinel, NUL and invalid UTF-8, and BEP 47 symlinks pointing out of the download folder. They are
/// well-formed otherwise, so the engine accepts most of them: what matters is where their files land. Empty files
/// are among them on purpose: libtorrent creates those as soon as the torrent starts, without any peer.
/// </summary>
public static class TorrentNameAttacks
{
    public static IEnumerable<HostileInput> All(string sentinel)
    {
        var sentinelComponents = sentinel.Split('/', StringSplitOptions.RemoveEmptyEntries);

        yield return Input("thousands of files", "10,000 files in one folder",
            V1Multi("many", [.. Enumerable.Range(0, 10_000).Select(index => new FileEntry(1, [$"f{index}"]))]));
        yield return Input("thousands of files", "5,000 empty files in 500 folders",
            V1Multi("many-empty", [.. Enumerable.Range(0, 5_000).Select(index => new FileEntry(index == 0 ? 1 : 0, [$"d{index % 500}", $"e{index}"]))]));
        yield return Input("thousands of files", "3,000 files of one byte under one v2 file tree",
            Torrent(BNode.Dict(
                ("file tree", BNode.Dict(("many", new BDictionary([.. Enumerable.Range(0, 3_000).Select(index => (Encoding.UTF8.GetBytes($"f{index}"), (BNode)FileNode(1)))])))),
                ("meta version", BNode.Number(2)),
                ("name", BNode.Text("many-v2")),
                ("piece length", BNode.Number(PieceLength)),
                ("x-nonce", Nonce()))));

        foreach (var depth in new[] { 100, 1_000, 5_000 })
        {
            yield return Input("deep paths", $"{depth} folders deep",
                V1Multi("deep", [new(1, [.. Enumerable.Repeat("d", depth), "leaf"]), new(0, [.. Enumerable.Repeat("e", depth), "empty"])]));
        }

        yield return Input("deep paths", "one component of 70,000 characters",
            V1Multi("long", [new(1, [new string('n', 70_000)]), new(0, [new string('m', 5_000)])]));
        yield return Input("deep paths", "a name of 100,000 characters", V1Single(new string('n', 100_000), 1));

        yield return Input("absolute paths", "a component that is the sentinel's absolute path",
            V1Multi("abs", [new(1, ["x"]), new(0, [Path.Combine(sentinel, "pwned-absolute")])]));
        yield return Input("absolute paths", "a path starting at the root folder",
            V1Multi("abs", [new(1, ["x"]), new(0, ["/", .. sentinelComponents, "pwned-root"])]));
        yield return Input("absolute paths", "a name that is an absolute path", V1Single(Path.Combine(sentinel, "pwned-name"), 0));
        yield return Input("absolute paths", "a v2 file tree keyed by an absolute path",
            Torrent(BNode.Dict(
                ("file tree", BNode.Dict((Path.Combine(sentinel, "pwned-v2"), FileNode(1)))),
                ("meta version", BNode.Number(2)),
                ("name", BNode.Text("abs-v2")),
                ("piece length", BNode.Number(PieceLength)),
                ("x-nonce", Nonce()))));
        yield return Input("absolute paths", "Windows drive and UNC paths",
            V1Multi("win", [new(1, ["C:", "Windows", "x"]), new(0, ["\\\\server\\share\\x"]), new(0, ["C:\\x"])]));

        for (var depth = 1; depth <= 8; depth++)
        {
            var up = Enumerable.Repeat("..", depth).ToArray();
            yield return Input("dot-dot", $"{depth} '..' then the sentinel",
                V1Multi("dots", [new(1, ["x"]), new(0, [.. up, "sentinel", $"pwned-{depth}"]), new(0, [.. up, "sentinel", AttackCanary])]));
            yield return Input("dot-dot", $"'..' x{depth} in one component",
                V1Multi("dots", [new(1, ["x"]), new(0, [string.Join('/', up) + "/sentinel/pwned-joined"])]));
            yield return Input("dot-dot", $"a name of '..' x{depth}", V1Single(string.Join('/', up) + "/sentinel/pwned-single", 0));
            yield return Input("dot-dot", $"a v2 file tree of '..' x{depth}",
                Torrent(BNode.Dict(
                    ("file tree", BNode.Dict((".." , Nest(up.Skip(1).Append("sentinel").Append($"pwned-v2-{depth}"), FileNode(0))), ("x", FileNode(1)))),
                    ("meta version", BNode.Number(2)),
                    ("name", BNode.Text("dots-v2")),
                    ("piece length", BNode.Number(PieceLength)),
                    ("x-nonce", Nonce()))));
        }

        yield return Input("dot-dot", "'.', '' and '...' components",
            V1Multi("dots", [new(1, ["x"]), new(0, [".", "", "...", "sentinel", "pwned-dots"]), new(0, ["..\\..\\sentinel\\pwned-backslash"])]));
        yield return Input("dot-dot", "the name itself is '..'", V1Multi("..", [new(1, ["x"]), new(0, ["..", "sentinel", "pwned-name-dots"])]));

        foreach (var (what, bytes) in BadNames())
        {
            yield return Input("NUL and invalid UTF-8", $"{what} in a path",
                Torrent(V1MultiInfo("names", [(1, BNode.List(BNode.Text("ok"))), (0, BNode.List(BNode.Bytes(bytes))), (0, BNode.List(BNode.Bytes(bytes), BNode.Text("leaf")))])));
            yield return Input("NUL and invalid UTF-8", $"{what} as the name",
                Torrent(BNode.Dict(("length", BNode.Number(1)), ("name", BNode.Bytes(bytes)), ("piece length", BNode.Number(PieceLength)), ("pieces", Pieces(1, PieceLength)), ("x-nonce", Nonce()))));
            yield return Input("NUL and invalid UTF-8", $"{what} in name.utf-8 and path.utf-8",
                Torrent(Info(V1Multi("names", [new(1, ["ok"])]))
                    .With("name.utf-8", BNode.Bytes(bytes))
                    .With("files", BNode.List(BNode.Dict(("length", BNode.Number(1)), ("path", BNode.List(BNode.Text("ok"))), ("path.utf-8", BNode.List(BNode.Bytes(bytes))))))));
        }

        foreach (var target in new[] { new[] { "..", "..", "..", "sentinel" }, ["/", .. sentinelComponents], [sentinel] })
        {
            var link = BNode.Dict(("attr", BNode.Text("l")), ("length", BNode.Number(0)), ("path", BNode.List(BNode.Text("escape"))), ("symlink path", BNode.Path(target)));
            var through = BNode.Dict(("length", BNode.Number(0)), ("path", BNode.Path(["escape", "pwned-through-link"])));
            var real = BNode.Dict(("length", BNode.Number(1)), ("path", BNode.List(BNode.Text("x"))));
            yield return Input("symlinks", $"a symlink to {string.Join('/', target)} and a file through it",
                Torrent(Info(V1Multi("links", [new(1, ["x"])])).With("files", BNode.List(real, link, through)).With("pieces", Pieces(1, PieceLength))));
        }

        yield return Input("symlinks", "a v2 symlink leaving the torrent",
            Torrent(BNode.Dict(
                ("file tree", BNode.Dict(
                    ("escape", BNode.Dict(("", BNode.Dict(("attr", BNode.Text("l")), ("length", BNode.Number(0)), ("symlink path", BNode.Path(["..", "..", "..", "sentinel"])))))),
                    ("x", FileNode(1)))),
                ("meta version", BNode.Number(2)),
                ("name", BNode.Text("links-v2")),
                ("piece length", BNode.Number(PieceLength)),
                ("x-nonce", Nonce()))));
    }

    /// <summary>The canary's own name: a torrent that reaches it could overwrite it, and remove_data could delete it.</summary>
    private const string AttackCanary = Hosting.AttackTargets.CanaryName;

    private static IEnumerable<(string What, byte[] Bytes)> BadNames() =>
    [
        ("a NUL", "pwned\0hidden"u8.ToArray()),
        ("only NUL", [0]),
        ("bytes 0xFF 0xFE", [0xFF, 0xFE, (byte)'x']),
        ("an overlong '/' (0xC0 0xAF)", [(byte)'a', 0xC0, 0xAF, (byte)'b']),
        ("an overlong '..' (0xC0 0xAE)", [0xC0, 0xAE, 0xC0, 0xAE]),
        ("a UTF-16 surrogate in UTF-8 (0xED 0xA0 0x80)", [0xED, 0xA0, 0x80]),
        ("a truncated sequence (0xE2 0x82)", [0xE2, 0x82]),
        ("control characters", "\n\r\t\u001b[31m\u0007"u8.ToArray()),
        ("right-to-left override", "txt.\u202Eexe"u8.ToArray()),
        ("an empty name", []),
    ];

    private static BNode Nest(IEnumerable<string> components, BNode leaf)
    {
        var node = leaf;
        foreach (var component in components.Reverse())
        {
            node = BNode.Dict((component, node));
        }

        return node;
    }

    private static HostileInput Input(string family, string description, BDictionary torrent) => new(family, description, torrent.Encode());
}
