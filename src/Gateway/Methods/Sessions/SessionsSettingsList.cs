using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Sessions;

/// <summary>
/// <c>sessions.settings.list</c> (Porla's name) and <c>sessions.settings.get</c>: libtorrent settings of one silo's
/// engine, all or the <c>keys</c> asked for. Without a name, the first silo in name order answers, as Porla's
/// default session does.
/// </summary>
public sealed class SessionsSettingsList(SiloDirectory silos, string name) : JsonRpcMethod<SessionsSettingsListParams>
{
    public override string Name => name;

    public override bool IsReadOnly => true;

    protected override JsonTypeInfo<SessionsSettingsListParams> ParamsType => GatewayJsonContext.Default.SessionsSettingsListParams;

    protected override async ValueTask<JsonRpcResult> InvokeAsync(SessionsSettingsListParams parameters, CancellationToken cancellationToken)
    {
        var targets = await silos.SelectAsync(parameters.Name);
        if (targets.Count == 0)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.SiloNotFound, "Session not found", "no silo is active");
        }

        var settings = await targets[0].Silo.GetSettingsAsync(parameters.Keys);
        return JsonRpcResult.Of(new SessionsSettingsListResult(RawJson.Parse(settings)), GatewayJsonContext.Default.SessionsSettingsListResult);
    }
}

public sealed record SessionsSettingsListParams
{
    public string? Name { get; init; }
    public string[]? Keys { get; init; }
}

public sealed record SessionsSettingsListResult(IReadOnlyDictionary<string, JsonElement> Settings);
