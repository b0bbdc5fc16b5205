using System.Text.Json;
using System.Text.Json.Serialization;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary>
/// Porla's <c>flags</c> of <c>torrents.move</c> (libtorrent's <c>move_flags_t</c> names), read as the params are
/// read: the grain takes a <see cref="MoveConflict"/>. As in Porla (torrentsmove.cpp), a name it does not know
/// leaves the default, dont_replace, which never overwrites a file; a value that is not a string is invalid params
/// (-32602) before any grain is looked up.
/// </summary>
public sealed class PorlaMoveFlags : JsonConverter<MoveConflict>
{
    private static readonly Dictionary<string, MoveConflict> Names = new(StringComparer.Ordinal)
    {
        ["dont_replace"] = MoveConflict.DontReplace,
        ["always_replace_files"] = MoveConflict.AlwaysReplace,
        ["fail_if_exist"] = MoveConflict.FailIfExists,
    };

    // null is Porla's default, as an absent value is.
    public override bool HandleNull => true;

    public override MoveConflict Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => MoveConflict.DontReplace,
        JsonTokenType.String => Names.GetValueOrDefault(reader.GetString()!, MoveConflict.DontReplace),
        _ => throw new ParamValueException(
            $"'flags' must be a string, one of {string.Join(", ", Names.Keys)}; got {reader.TokenType.ToString().ToLowerInvariant()}"),
    };

    public override void Write(Utf8JsonWriter writer, MoveConflict value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Names.First(name => name.Value == value).Key);
}
