using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Sessions;

/// <summary>
/// <c>sessions.settings.list</c> (Porla's name): libtorrent settings of one silo's engine, all or the <c>keys</c>
/// asked for. Without a name, the first silo in name order answers, as Porla's default session does.
/// </summary>
public sealed class SessionsSettingsList(SiloDirectory silos) : JsonRpcMethod<SessionsSettingsListParams>
{
    public override string Name => "sessions.settings.list";

    public override bool IsReadOnly => true;

    protected override JsonTypeInfo<SessionsSettingsListParams> ParamsType => SessionsJsonContext.Default.SessionsSettingsListParams;

    protected override async ValueTask<JsonRpcResult> AnswerAsync(SessionsSettingsListParams parameters, CancellationToken cancellationToken) =>
        await SessionSettings.ReadAsync(silos, parameters);
}

public sealed record SessionsSettingsListParams
{
    public string? Name { get; init; }
    public string[]? Keys { get; init; }
}

public sealed record SessionsSettingsListResult(IReadOnlyDictionary<string, JsonElement> Settings);
