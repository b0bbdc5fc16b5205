namespace TorrentCluster.Engine.Tests;

/// <summary>
/// Just enough bencode to find where the <c>info</c> dictionary of a .torrent starts and ends, so tests can
/// compute info-hashes independently of libtorrent.
/// </summary>
internal static class Bencode
{
    public static ReadOnlySpan<byte> InfoDictionary(ReadOnlySpan<byte> torrent)
    {
        var position = 1; // past the outer 'd'
        while (torrent[position] != (byte)'e')
        {
            var key = ReadString(torrent, ref position);
            var start = position;
            Skip(torrent, ref position);
            if (key.SequenceEqual("info"u8))
            {
                return torrent[start..position];
            }
        }

        throw new FormatException("no info dictionary");
    }

    private static ReadOnlySpan<byte> ReadString(ReadOnlySpan<byte> data, ref int position)
    {
        var colon = data[position..].IndexOf((byte)':') + position;
        var length = int.Parse(data[position..colon], provider: System.Globalization.CultureInfo.InvariantCulture);
        var value = data.Slice(colon + 1, length);
        position = colon + 1 + length;
        return value;
    }

    private static void Skip(ReadOnlySpan<byte> data, ref int position)
    {
        switch (data[position])
        {
            case (byte)'i':
                position = data[position..].IndexOf((byte)'e') + position + 1;
                break;
            case (byte)'l' or (byte)'d':
                position++;
                while (data[position] != (byte)'e')
                {
                    Skip(data, ref position);
                }

                position++;
                break;
            default:
                ReadString(data, ref position);
                break;
        }
    }
}
