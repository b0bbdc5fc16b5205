using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;

namespace TorrentCluster.Gateway.JsonRpc;

/// <summary>
/// Whether a parsed JSON value holds only valid Unicode. The parser accepts invalid UTF-8 inside strings and
/// escapes of lone surrogates (<c>"\ud800"</c>), and reading such a string later throws: checked once here, on the
/// raw bytes without copying them, so no method ever meets one.
/// </summary>
internal static class JsonUnicode
{
    public static bool IsValid(JsonElement element)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element);
        return Utf8.IsValid(raw) && EscapesPairUp(raw);
    }

    // Every \uD800-\uDBFF escape must be followed by a \uDC00-\uDFFF one, and no low half may stand alone.
    private static bool EscapesPairUp(ReadOnlySpan<byte> json)
    {
        var expectLow = false;
        var index = json.IndexOf((byte)'\\');
        while (index >= 0 && index + 1 < json.Length)
        {
            var unit = json[index + 1] == (byte)'u' && index + 5 < json.Length ? Hex(json.Slice(index + 2, 4)) : -1;
            var isHigh = unit is >= 0xD800 and <= 0xDBFF;
            var isLow = unit is >= 0xDC00 and <= 0xDFFF;
            if (expectLow != isLow)
            {
                return false;
            }

            expectLow = isHigh;
            var next = index + (unit >= 0 ? 6 : 2);
            var rest = json[next..].IndexOf((byte)'\\');
            // A high half's low half must be the very next escape, back to back.
            if (expectLow && rest != 0)
            {
                return false;
            }

            index = rest < 0 ? -1 : next + rest;
        }

        return !expectLow;
    }

    private static int Hex(ReadOnlySpan<byte> digits)
    {
        var value = 0;
        foreach (var digit in digits)
        {
            var nibble = digit switch
            {
                >= (byte)'0' and <= (byte)'9' => digit - '0',
                >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => digit - 'A' + 10,
                _ => -1,
            };
            if (nibble < 0)
            {
                return -1;
            }

            value = (value << 4) | nibble;
        }

        return value;
    }
}
