using System.Text.Json;
using System.Text.Json.Serialization;

namespace TorrentCluster.Gateway.UnitTests;

/// <summary>Contracts of the results the scripted methods answer with.</summary>
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class UnitTestJsonContext : JsonSerializerContext;
