using System.Globalization;
using System.Text;

namespace TorrentCluster.Security.Tests.Bencoding;

/// <summary>
/// A bencoded value, written exactly as built: dictionaries keep their entries' order and duplicates and integers
/// keep their digits, so a test can write the malformed forms (unsorted or repeated keys, out-of-range or
/// non-canonical integers) that a strict encoder would refuse to produce.
/// </summary>
public abstract record BNode
{
    public static BNode Number(long value) => new BInteger(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>An integer token of any digits, e.g. one longer than 64 bits, "-0" or "007".</summary>
    public static BNode RawInt(string digits) => new BInteger(digits);

    public static BNode Text(string value) => new BBytes(Encoding.UTF8.GetBytes(value));

    public static BNode Bytes(byte[] value) => new BBytes(value);

    public static BNode List(params BNode[] items) => new BList([.. items]);

    public static BDictionary Dict(params (string Key, BNode Value)[] entries) =>
        new([.. entries.Select(entry => (Encoding.UTF8.GetBytes(entry.Key), entry.Value))]);

    /// <summary>A list of path components, as in a v1 file entry's <c>path</c>.</summary>
    public static BNode Path(IEnumerable<string> components) => new BList([.. components.Select(Text)]);

    public byte[] Encode()
    {
        using var stream = new MemoryStream();
        WriteTo(stream);
        return stream.ToArray();
    }

    public abstract void WriteTo(Stream stream);

    protected static void WriteAscii(Stream stream, string text) => stream.Write(Encoding.ASCII.GetBytes(text));

    protected static void WriteString(Stream stream, byte[] value)
    {
        WriteAscii(stream, value.Length.ToString(CultureInfo.InvariantCulture) + ":");
        stream.Write(value);
    }
}

public sealed record BInteger(string Digits) : BNode
{
    public override void WriteTo(Stream stream) => WriteAscii(stream, "i" + Digits + "e");
}

public sealed record BBytes(byte[] Value) : BNode
{
    public override void WriteTo(Stream stream) => WriteString(stream, Value);
}

public sealed record BList(List<BNode> Items) : BNode
{
    public override void WriteTo(Stream stream)
    {
        stream.WriteByte((byte)'l');
        foreach (var item in Items)
        {
            item.WriteTo(stream);
        }

        stream.WriteByte((byte)'e');
    }
}

/// <summary>A dictionary written in the order its entries were given, duplicates included.</summary>
public sealed record BDictionary(List<(byte[] Key, BNode Value)> Entries) : BNode
{
    /// <summary>This dictionary with <paramref name="key"/> set (replaced in place, or added at the end).</summary>
    public BDictionary With(string key, BNode value)
    {
        var bytes = Encoding.UTF8.GetBytes(key);
        var entries = new List<(byte[] Key, BNode Value)>(Entries);
        var index = entries.FindIndex(entry => entry.Key.AsSpan().SequenceEqual(bytes));
        if (index >= 0)
        {
            entries[index] = (bytes, value);
        }
        else
        {
            entries.Add((bytes, value));
        }

        return new BDictionary(entries);
    }

    public BDictionary Without(string key)
    {
        var bytes = Encoding.UTF8.GetBytes(key);
        return new BDictionary([.. Entries.Where(entry => !entry.Key.AsSpan().SequenceEqual(bytes))]);
    }

    /// <summary>This dictionary with a second entry under <paramref name="key"/>, after the first.</summary>
    public BDictionary WithDuplicate(string key, BNode value) => new([.. Entries, (Encoding.UTF8.GetBytes(key), value)]);

    public BNode? this[string key] =>
        Entries.FirstOrDefault(entry => entry.Key.AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(key))).Value;

    public override void WriteTo(Stream stream)
    {
        stream.WriteByte((byte)'d');
        foreach (var (key, value) in Entries)
        {
            WriteString(stream, key);
            value.WriteTo(stream);
        }

        stream.WriteByte((byte)'e');
    }
}
