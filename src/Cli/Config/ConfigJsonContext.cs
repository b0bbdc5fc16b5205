using System.Text.Json.Serialization;

namespace TorrentCluster.Cli.Config;

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(CliConfig))]
internal sealed partial class ConfigJsonContext : JsonSerializerContext;
