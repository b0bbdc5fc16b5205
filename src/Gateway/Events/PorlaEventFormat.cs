using System.Buffers;
using System.Text;
using System.Text.Json;
using TorrentCluster.Abstractions.Events;
using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Gateway.Events;

/// <summary>
/// A torrent event as Porla's server-sent event: its name (<c>torrent_added</c>, <c>torrent_removed</c>,
/// <c>torrent_paused</c>, <c>torrent_resumed</c>, <c>torrent_finished</c>, <c>state_update</c>) and Porla's
/// payload, where the session is the silo's name: <c>{"info_hash":[v1,v2],"session":"silo-0"}</c>, or for a
/// state update <c>{"info_hashes":[[v1,v2],...],"session":"silo-0"}</c>. Keys in Porla's order (alphabetical,
/// as its JSON library writes them).
/// </summary>
public static class PorlaEventFormat
{
    /// <summary>What Porla sends first on every stream.</summary>
    public static ReadOnlyMemory<byte> Hello { get; } = Encoding.UTF8.GetBytes("event: hello\ndata: {}\n\n");

    /// <summary>A comment line: clients ignore it, proxies see traffic.</summary>
    public static ReadOnlyMemory<byte> KeepAlive { get; } = Encoding.UTF8.GetBytes(": keep-alive\n\n");

    public static string NameOf(TorrentEventKind kind) => kind switch
    {
        TorrentEventKind.Added => "torrent_added",
        TorrentEventKind.Removed => "torrent_removed",
        TorrentEventKind.Paused => "torrent_paused",
        TorrentEventKind.Resumed => "torrent_resumed",
        TorrentEventKind.Finished => "torrent_finished",
        TorrentEventKind.StateUpdate => "state_update",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an event Porla knows"),
    };

    /// <summary>The event as the bytes of one server-sent event, formatted once for every client.</summary>
    public static ReadOnlyMemory<byte> Format(string silo, TorrentEvent torrentEvent)
    {
        ArgumentNullException.ThrowIfNull(torrentEvent);
        var buffer = new ArrayBufferWriter<byte>(128);
        buffer.Write(Encoding.UTF8.GetBytes($"event: {NameOf(torrentEvent.Kind)}\ndata: "));
        // JSON written unindented has no line breaks (those inside strings are escaped), so it is one data line.
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (torrentEvent.Kind == TorrentEventKind.StateUpdate)
            {
                json.WriteStartArray("info_hashes");
                foreach (var torrent in torrentEvent.Torrents)
                {
                    WritePair(json, torrent);
                }

                json.WriteEndArray();
            }
            else
            {
                json.WritePropertyName("info_hash");
                WritePair(json, torrentEvent.Torrents[0]);
            }

            json.WriteString("session", silo);
            json.WriteEndObject();
        }

        buffer.Write("\n\n"u8);
        return buffer.WrittenMemory;
    }

    private static void WritePair(Utf8JsonWriter json, InfoHashPair pair)
    {
        json.WriteStartArray();
        WriteHash(json, pair.V1);
        WriteHash(json, pair.V2);
        json.WriteEndArray();
    }

    private static void WriteHash(Utf8JsonWriter json, string? hash)
    {
        if (hash is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(hash);
        }
    }
}
