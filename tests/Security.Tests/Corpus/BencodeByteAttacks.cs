using System.Text;

namespace TorrentCluster.Security.Tests.Corpus;

/// <summary>
/// Inputs broken at the byte level: a valid .torrent cut at sampled offsets, random garbage up to 16 MiB, nesting
/// deep enough to exhaust a recursive parser's stack, and string lengths that point past the end.
/// </summary>
public static class BencodeByteAttacks
{
    public const int GarbageBytes = 16 * 1024 * 1024;

    /// <summary>
    /// <paramref name="valid"/> cut at every offset of its first 256 bytes (where the structure's keys are), then at
    /// evenly spaced and random offsets through the rest, up to <paramref name="samples"/> cuts in all.
    /// </summary>
    public static IEnumerable<HostileInput> Truncations(string source, byte[] valid, int samples, Random random)
    {
        ArgumentNullException.ThrowIfNull(valid);
        ArgumentNullException.ThrowIfNull(random);
        var offsets = new SortedSet<int>(Enumerable.Range(0, Math.Min(256, valid.Length)));
        var step = Math.Max(1, valid.Length / Math.Max(1, samples / 2));
        for (var offset = 256; offset < valid.Length && offsets.Count < samples * 3 / 4; offset += step)
        {
            offsets.Add(offset);
        }

        for (var attempt = 0; attempt < samples * 4 && offsets.Count < samples; attempt++)
        {
            offsets.Add(random.Next(valid.Length));
        }

        return offsets.Select(offset => new HostileInput("truncated", $"{source} cut at {offset} of {valid.Length}", valid[..offset]));
    }

    public static IEnumerable<HostileInput> Garbage(int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var large = new byte[GarbageBytes];
        random.NextBytes(large);
        yield return new("garbage", "16 MiB of random bytes", large);
        for (var index = 0; index < count; index++)
        {
            var bytes = new byte[random.Next(1, 4096)];
            random.NextBytes(bytes);
            // Half of them look like a dictionary at first glance, so the parser gets past the first byte.
            if (index % 2 == 0)
            {
                bytes[0] = (byte)'d';
            }

            yield return new("garbage", $"{bytes.Length} random bytes", bytes);
        }
    }

    public static IEnumerable<HostileInput> DeepNesting()
    {
        foreach (var depth in new[] { 64, 1_000, 100_000, 1_000_000 })
        {
            yield return new("deep nesting", $"{depth} nested lists", Nested("l", depth, "e"));
            yield return new("deep nesting", $"{depth} nested lists, never closed", Ascii(new string('l', depth)));
            yield return new("deep nesting", $"{depth} nested dictionaries", Nested("d1:a", depth, "e"));
            yield return new("deep nesting", $"{depth} nested lists inside info",
                Concat("d4:infod6:lengthi1e4:name1:x12:piece lengthi16384e6:pieces20:", new string('x', 20), "5:extra", NestedText("l", depth, "e"), "ee"));
        }
    }

    public static IEnumerable<HostileInput> BrokenStrings() =>
    [
        new("broken strings", "a string longer than the input", Ascii("d4:info99999999:xe")),
        new("broken strings", "a string length past 2^63", Ascii("d4:info99999999999999999999:xe")),
        new("broken strings", "a negative string length", Ascii("d4:info-1:xe")),
        new("broken strings", "a string length with a leading zero", Ascii("d04:infod6:lengthi1eee")),
        new("broken strings", "a string without a colon", Ascii("d4infode")),
        new("broken strings", "a key that is an integer", Ascii("di1ei2ee")),
        new("broken strings", "a key that is a list", Ascii("dle4:infoe")),
        new("broken strings", "an integer never closed", Ascii("d4:infod6:lengthi1")),
        new("broken strings", "the outer value is a list", Ascii("l4:infoe")),
        new("broken strings", "the outer value is an integer", Ascii("i42e")),
        new("broken strings", "trailing garbage after a valid torrent", Concat("d4:infod6:lengthi1e4:name1:x12:piece lengthi16384e6:pieces20:", new string('x', 20), "ee", new string('z', 1000))),
        new("broken strings", "an empty input", []),
        new("broken strings", "a single 'd'", Ascii("d")),
        new("broken strings", "a UTF-8 BOM before the torrent", [0xEF, 0xBB, 0xBF, .. Ascii("d4:infodee")]),
    ];

    private static byte[] Nested(string open, int depth, string close) => Ascii(NestedText(open, depth, close));

    private static string NestedText(string open, int depth, string close) =>
        new StringBuilder((open.Length + close.Length) * depth).Insert(0, open, depth).Append(close[0], depth).ToString();

    private static byte[] Concat(params string[] parts) => Ascii(string.Concat(parts));

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
