using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Sessions;

/// <summary>How <c>sessions.settings.list</c> and its twin <c>sessions.settings.get</c> read one engine's settings.</summary>
internal static class SessionSettings
{
    /// <summary>The settings of the named silo's engine, or of the first silo in name order when none is named.</summary>
    public static async Task<JsonRpcResult> ReadAsync(SiloDirectory silos, SessionsSettingsListParams parameters)
    {
        var targets = await silos.SelectAsync(parameters.Name);
        if (targets.Count == 0)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.SiloNotFound, "Session not found", "no silo is active");
        }

        var settings = await targets[0].Silo.GetSettingsAsync(parameters.Keys);
        return JsonRpcResult.Of(new SessionsSettingsListResult(RawJson.Parse(settings)), SessionsJsonContext.Default.SessionsSettingsListResult);
    }
}
