using System.Text.Json;
using System.Text.Json.Serialization;
using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Gateway.JsonRpc;

/// <summary>Porla's endpoint: <c>["1.2.3.4", 51415]</c>.</summary>
public sealed class PeerEndpointConverter : JsonConverter<PeerEndpoint>
{
    public override PeerEndpoint Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray
            || !reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            throw new ParamValueException("a peer is an [ip, port] pair, e.g. [\"127.0.0.1\", 6881]");
        }

        var address = reader.GetString()!;
        if (!reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var port)
            || !reader.Read() || reader.TokenType != JsonTokenType.EndArray)
        {
            throw new ParamValueException("a peer is an [ip, port] pair, e.g. [\"127.0.0.1\", 6881]");
        }

        return new PeerEndpoint(address, port);
    }

    public override void Write(Utf8JsonWriter writer, PeerEndpoint value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(value.Address);
        writer.WriteNumberValue(value.Port);
        writer.WriteEndArray();
    }
}
