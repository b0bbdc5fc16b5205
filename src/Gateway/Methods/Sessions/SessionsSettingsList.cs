using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Sessions;

/// <summary>
/// <c>sessions.settings.list</c> (Porla's name): libtorrent settings of one silo's engine, all or the <c>keys</c>
/// asked for. Without a name, the first silo in name order answers, as Porla's default session does. It also
/// answers as <c>sessions.settings.get</c>, the name that pairs with <c>sessions.settings.set</c>.
/// </summary>
public sealed class SessionsSettingsList(SiloDirectory silos) : JsonRpcMethod<SessionsSettingsListParams>
{
    public override string Name => "sessions.settings.list";

    public override bool IsReadOnly => true;

    protected override JsonTypeInfo<SessionsSettingsListParams> ParamsType => SessionsJsonContext.Default.SessionsSettingsListParams;

    protected override async ValueTask<JsonRpcResult> AnswerAsync(SessionsSettingsListParams parameters, CancellationToken cancellationToken)
    {
        var targets = await SessionTargets.SelectAsync(silos, parameters.Name);
        if (targets.Count == 0)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.SiloNotFound, "Session not found", "no silo is active");
        }

        var settings = await targets[0].Silo.GetSettingsAsync(parameters.Keys);
        return JsonRpcResult.Of(new SessionsSettingsListResult(RawJson.Parse(settings)), SessionsJsonContext.Default.SessionsSettingsListResult);
    }
}

public sealed record SessionsSettingsListParams
{
    public string? Name { get; init; }
    public string[]? Keys { get; init; }
}

public sealed record SessionsSettingsListResult(IReadOnlyDictionary<string, JsonElement> Settings);
