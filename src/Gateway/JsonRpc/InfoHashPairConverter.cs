using System.Text.Json;
using System.Text.Json.Serialization;
using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Gateway.JsonRpc;

/// <summary>
/// Porla's info-hash: written as <c>[v1 or null, v2 or null]</c>; read from that pair or from a bare 40- or
/// 64-character hex string, as Porla reads it.
/// </summary>
public sealed class InfoHashPairConverter : JsonConverter<InfoHashPair>
{
    public override InfoHashPair Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var single = Normalize(reader.GetString());
                return InfoHashText.IsV1(single) ? new InfoHashPair(single, null) : new InfoHashPair(null, single);
            case JsonTokenType.StartArray:
                return ReadPair(ref reader);
            default:
                throw new ParamValueException("info_hash must be a hex string or a [v1, v2] pair");
        }
    }

    public override void Write(Utf8JsonWriter writer, InfoHashPair value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        WriteHash(writer, value.V1);
        WriteHash(writer, value.V2);
        writer.WriteEndArray();
    }

    private static InfoHashPair ReadPair(ref Utf8JsonReader reader)
    {
        var halves = new string?[2];
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (count == 2)
            {
                throw new ParamValueException("info_hash must be a [v1, v2] pair of two elements");
            }

            halves[count++] = reader.TokenType switch
            {
                JsonTokenType.Null => null,
                JsonTokenType.String => Normalize(reader.GetString()),
                _ => throw new ParamValueException("info_hash elements must be hex strings or null"),
            };
        }

        if (count != 2)
        {
            throw new ParamValueException("info_hash must be a [v1, v2] pair of two elements");
        }

        var (v1, v2) = (halves[0], halves[1]);
        if (v1 is null && v2 is null)
        {
            throw new ParamValueException("info_hash needs a v1 or a v2 hash, both are null");
        }

        if (v1 is not null && !InfoHashText.IsV1(v1))
        {
            throw new ParamValueException("the first element of info_hash is the v1 hash: 40 hexadecimal characters");
        }

        if (v2 is not null && InfoHashText.IsV1(v2))
        {
            throw new ParamValueException("the second element of info_hash is the v2 hash: 64 hexadecimal characters");
        }

        return new InfoHashPair(v1, v2);
    }

    private static string Normalize(string? text) =>
        InfoHashText.TryNormalize(text, out var normalized, out var error) ? normalized : throw new ParamValueException(error!);

    private static void WriteHash(Utf8JsonWriter writer, string? hash)
    {
        if (hash is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(hash);
        }
    }
}
