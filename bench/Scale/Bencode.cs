using System.Globalization;
using System.Text;

namespace TorrentCluster.Bench.Scale;

/// <summary>
/// Writes bencoded values (BEP 3): byte strings, integers, lists and dictionaries with their keys in byte order,
/// so generated .torrent files are canonical and their info-hash is the SHA-1 of the info dictionary as written.
/// </summary>
internal static class Bencode
{
    public static byte[] Encode(object value)
    {
        using var output = new MemoryStream();
        Write(output, value);
        return output.ToArray();
    }

    private static void Write(MemoryStream output, object value)
    {
        switch (value)
        {
            case string text:
                WriteBytes(output, Encoding.UTF8.GetBytes(text));
                break;
            case byte[] bytes:
                WriteBytes(output, bytes);
                break;
            case long number:
                WriteAscii(output, "i" + number.ToString(CultureInfo.InvariantCulture) + "e");
                break;
            case int number:
                WriteAscii(output, "i" + number.ToString(CultureInfo.InvariantCulture) + "e");
                break;
            case IReadOnlyDictionary<string, object> dictionary:
                output.WriteByte((byte)'d');
                foreach (var (key, item) in dictionary.OrderBy(pair => Encoding.UTF8.GetBytes(pair.Key), ByteOrder.Instance))
                {
                    Write(output, key);
                    Write(output, item);
                }

                output.WriteByte((byte)'e');
                break;
            case System.Collections.IEnumerable list:
                output.WriteByte((byte)'l');
                foreach (var item in list)
                {
                    Write(output, item!);
                }

                output.WriteByte((byte)'e');
                break;
            default:
                throw new ArgumentException($"cannot bencode {value.GetType().Name}", nameof(value));
        }
    }

    private static void WriteBytes(MemoryStream output, byte[] bytes)
    {
        WriteAscii(output, bytes.Length.ToString(CultureInfo.InvariantCulture) + ":");
        output.Write(bytes);
    }

    private static void WriteAscii(MemoryStream output, string text) => output.Write(Encoding.ASCII.GetBytes(text));

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
