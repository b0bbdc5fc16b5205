using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Sessions;

/// <summary>
/// <c>sessions.settings.set</c> (ours): applies libtorrent settings to one silo's engine by name, or to every
/// silo's. Values are JSON booleans, integers or strings, checked by libtorrent by name and type. Settings set
/// here last until the silo restarts; <c>TorrentCluster:Engine:Settings</c> in configuration is the durable way.
/// </summary>
public sealed class SessionsSettingsSet(SiloDirectory silos) : JsonRpcMethod<SessionsSettingsSetParams>
{
    public override string Name => "sessions.settings.set";

    protected override JsonTypeInfo<SessionsSettingsSetParams> ParamsType => SessionsJsonContext.Default.SessionsSettingsSetParams;

    protected override async ValueTask<JsonRpcResult> AnswerAsync(SessionsSettingsSetParams parameters, CancellationToken cancellationToken)
    {
        var settings = parameters.Settings.ToDictionary(entry => entry.Key, entry => Text(entry.Key, entry.Value), StringComparer.Ordinal);
        await SessionTargets.ForEachAsync(silos, parameters.Name, silo => silo.ApplySettingsAsync(settings));
        return JsonRpcResult.Null;
    }

    private static string Text(string key, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number when value.TryGetInt32(out var number) => number.ToString(CultureInfo.InvariantCulture),
        JsonValueKind.String => value.GetString()!,
        _ => throw JsonRpcException.InvalidParams($"setting '{key}' must be a boolean, a 32-bit integer or a string"),
    };
}

public sealed record SessionsSettingsSetParams
{
    public string? Name { get; init; }
    public required Dictionary<string, JsonElement> Settings { get; init; }
}
