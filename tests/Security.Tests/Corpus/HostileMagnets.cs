using System.Security.Cryptography;
using System.Text;

namespace TorrentCluster.Security.Tests.Corpus;

/// <summary>
/// Hostile magnet links: bad <c>xt</c>, hashes of the wrong length, a huge <c>dn</c>, thousands of trackers,
/// nonsense schemes and control characters. Every tracker, web seed and peer in them is on loopback (and the test
/// adds them paused), so none makes the host reach off this machine.
/// </summary>
public static class HostileMagnets
{
    public static IEnumerable<HostileInput> All(string sentinel)
    {
        var hex = Hex(20);
        var valid = "magnet:?xt=urn:btih:" + hex;

        yield return Input("bad xt", "no xt", "magnet:?dn=x&tr=http://127.0.0.1:1/a");
        yield return Input("bad xt", "an empty xt", "magnet:?xt=");
        yield return Input("bad xt", "an empty btih", "magnet:?xt=urn:btih:");
        yield return Input("bad xt", "urn:sha1", "magnet:?xt=urn:sha1:" + Hex(20));
        yield return Input("bad xt", "urn:ed2k", "magnet:?xt=urn:ed2k:" + Hex(16));
        yield return Input("bad xt", "a btmh with a SHA-1 multihash code", "magnet:?xt=urn:btmh:1114" + Hex(20));
        yield return Input("bad xt", "a btmh with a short digest", "magnet:?xt=urn:btmh:1220" + Hex(16));
        yield return Input("bad xt", "a btmh of odd length", "magnet:?xt=urn:btmh:1220" + Hex(32)[..63]);
        yield return Input("bad xt", "two different btih", "magnet:?xt=urn:btih:" + Hex(20) + "&xt=urn:btih:" + Hex(20));
        yield return Input("bad xt", "a btih with an escaped NUL", "magnet:?xt=urn:btih:" + Hex(20) + "%00");
        yield return Input("bad xt", "invalid percent escapes", "magnet:?xt=urn:btih:%zz%" + Hex(19));
        yield return Input("bad xt", "an xt of 100,000 characters", "magnet:?xt=urn:btih:" + new string('a', 100_000));
        yield return Input("bad xt", "a btih of non-hex letters", "magnet:?xt=urn:btih:" + new string('z', 40));
        yield return Input("bad xt", "base32 with digits it does not have", "magnet:?xt=urn:btih:" + new string('1', 32));
        yield return Input("valid", "a btmh (v2) hash", "magnet:?xt=urn:btmh:1220" + Hex(32));
        yield return Input("valid", "a base32 btih", "magnet:?xt=urn:btih:" + Base32(RandomNumberGenerator.GetBytes(20)));

        foreach (var length in new[] { 0, 1, 31, 33, 39, 41, 63, 64, 65, 80, 128 })
        {
            yield return Input("hash lengths", $"a btih of {length} hex characters", "magnet:?xt=urn:btih:" + Hex(64)[..Math.Min(length, 128)] + (length > 128 ? Hex(64) : string.Empty));
        }

        yield return Input("huge dn", "a dn of 1 MiB", valid + "&dn=" + new string('n', 1024 * 1024));
        yield return Input("huge dn", "a dn aimed at the sentinel", valid + "&dn=" + Uri.EscapeDataString("../../../sentinel/pwned-magnet"));
        yield return Input("huge dn", "an absolute dn", "magnet:?xt=urn:btih:" + Hex(20) + "&dn=" + Uri.EscapeDataString(Path.Combine(sentinel, "pwned-magnet")));
        yield return Input("huge dn", "a dn of invalid UTF-8", "magnet:?xt=urn:btih:" + Hex(20) + "&dn=%FF%FE%C0%AF%ED%A0%80");
        yield return Input("huge dn", "a dn with NUL", "magnet:?xt=urn:btih:" + Hex(20) + "&dn=a%00b");

        yield return Input("trackers", "5,000 tr=", "magnet:?xt=urn:btih:" + Hex(20) + string.Concat(Enumerable.Range(0, 5_000).Select(index => $"&tr=http://127.0.0.1:1/a{index}")));
        yield return Input("trackers", "5,000 identical tr=", "magnet:?xt=urn:btih:" + Hex(20) + string.Concat(Enumerable.Repeat("&tr=udp://127.0.0.1:1", 5_000)));
        yield return Input("trackers", "50,000 parameters", "magnet:?xt=urn:btih:" + Hex(20) + string.Concat(Enumerable.Repeat("&x=y", 50_000)));
        foreach (var tracker in new[] { "gopher://127.0.0.1:1/", "javascript:alert(1)", "file:///etc/passwd", "udp://127.0.0.1:0", "http://[::1]:99999/", "%00", "http://127.0.0.1:1/a%0d%0aX-Injected:%201", "ws://127.0.0.1:1/", "" })
        {
            yield return Input("trackers", $"tr={tracker}", "magnet:?xt=urn:btih:" + Hex(20) + "&tr=" + tracker);
            yield return Input("web seeds", $"ws={tracker}", "magnet:?xt=urn:btih:" + Hex(20) + "&ws=" + tracker);
        }

        foreach (var peer in new[] { "127.0.0.1:1", "[::1]:0", "127.0.0.1:99999", "not-a-peer", "127.0.0.1:-1", "" })
        {
            yield return Input("peers", $"x.pe={peer}", "magnet:?xt=urn:btih:" + Hex(20) + "&x.pe=" + peer);
        }

        yield return Input("selection", "so= out of range", "magnet:?xt=urn:btih:" + Hex(20) + "&so=0-99999999999,-1,5-2");

        foreach (var scheme in new[] { "http://127.0.0.1:1/x.torrent", "file:///etc/passwd", "javascript:alert(1)", "MAGNET:?xt=urn:btih:" + Hex(20), "magnet:", "magnet:?", "magnet://?xt=urn:btih:" + Hex(20), "data:application/x-bittorrent;base64,ZGU=", "", " ", "urn:btih:" + Hex(20), Hex(20) })
        {
            yield return Input("schemes", $"'{(scheme.Length > 40 ? scheme[..40] : scheme)}'", scheme);
        }

        foreach (var (what, text) in new[] { ("CR LF", "\r\nX-Injected: 1"), ("NUL", "\0"), ("escape", "\u001b[2J"), ("tab", "\t"), ("bell", "\u0007"), ("RTL override", "\u202E"), ("a lone surrogate", "\ud800") })
        {
            yield return Input("control characters", $"{what} inside the xt", "magnet:?xt=urn:btih:" + Hex(10) + text + Hex(10));
            yield return Input("control characters", $"{what} in the dn", "magnet:?xt=urn:btih:" + Hex(20) + "&dn=a" + text + "b");
        }
    }

    private static HostileInput Input(string family, string description, string magnet) => new("magnet: " + family, description, Encoding.UTF8.GetBytes(magnet));

    private static string Hex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));

    private static string Base32(byte[] bytes)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var text = new StringBuilder();
        for (var bit = 0; bit < bytes.Length * 8; bit += 5)
        {
            var value = 0;
            for (var offset = 0; offset < 5; offset++)
            {
                var index = bit + offset;
                value = (value << 1) | (index < bytes.Length * 8 ? (bytes[index / 8] >> (7 - (index % 8))) & 1 : 0);
            }

            text.Append(Alphabet[value]);
        }

        return text.ToString();
    }
}
