using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Sessions;

/// <summary>
/// <c>sessions.pause</c>: one silo's engine by name, or every silo's. Without a name Porla takes its default
/// session, which in a Porla is the whole client; ours is the whole cluster, so a client that means "everything"
/// gets everything. -1 for an unknown name, as Porla answers.
/// </summary>
public sealed class SessionsPause(SiloDirectory silos) : JsonRpcMethod<SessionNameParams>
{
    public override string Name => "sessions.pause";

    protected override JsonTypeInfo<SessionNameParams> ParamsType => SessionsJsonContext.Default.SessionNameParams;

    protected override async ValueTask<JsonRpcResult> AnswerAsync(SessionNameParams parameters, CancellationToken cancellationToken)
    {
        await SessionTargets.ForEachAsync(silos, parameters.Name, silo => silo.PauseAsync());
        return JsonRpcResult.Null;
    }
}
