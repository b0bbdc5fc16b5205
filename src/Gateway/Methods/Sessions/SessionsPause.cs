using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Sessions;

/// <summary><c>sessions.pause</c> and <c>sessions.resume</c>: one silo's engine by name, or every silo's.</summary>
public sealed class SessionsPause(SiloDirectory silos, bool pause) : JsonRpcMethod<SessionNameParams>
{
    public override string Name => pause ? "sessions.pause" : "sessions.resume";

    protected override JsonTypeInfo<SessionNameParams> ParamsType => GatewayJsonContext.Default.SessionNameParams;

    public static SessionsPause Pause(SiloDirectory silos) => new(silos, pause: true);

    public static SessionsPause Resume(SiloDirectory silos) => new(silos, pause: false);

    protected override async ValueTask<JsonRpcResult> InvokeAsync(SessionNameParams parameters, CancellationToken cancellationToken)
    {
        var targets = await silos.SelectAsync(parameters.Name);
        await Task.WhenAll(targets.Select(entry => pause ? entry.Silo.PauseAsync() : entry.Silo.ResumeAsync()));
        return JsonRpcResult.Null;
    }
}
