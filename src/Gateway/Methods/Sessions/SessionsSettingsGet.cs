using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Sessions;

/// <summary>
/// <c>sessions.settings.get</c>: <see cref="SessionsSettingsList"/> under the name that pairs with
/// <c>sessions.settings.set</c>, same params and answer.
/// </summary>
public sealed class SessionsSettingsGet(SiloDirectory silos) : JsonRpcMethod<SessionsSettingsListParams>
{
    public override string Name => "sessions.settings.get";

    public override bool IsReadOnly => true;

    protected override JsonTypeInfo<SessionsSettingsListParams> ParamsType => SessionsJsonContext.Default.SessionsSettingsListParams;

    protected override async ValueTask<JsonRpcResult> AnswerAsync(SessionsSettingsListParams parameters, CancellationToken cancellationToken) =>
        await SessionSettings.ReadAsync(silos, parameters);
}
