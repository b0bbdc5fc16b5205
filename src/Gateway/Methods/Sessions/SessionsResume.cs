using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Sessions;

/// <summary>
/// <c>sessions.resume</c>: one silo's engine by name, or every silo's. Without a name Porla takes its default
/// session, which in a Porla is the whole client; ours is the whole cluster, so a client that means "everything"
/// gets everything. -1 for an unknown name, as Porla answers.
/// </summary>
public sealed class SessionsResume(SiloDirectory silos) : JsonRpcMethod<SessionNameParams>
{
    public override string Name => "sessions.resume";

    protected override JsonTypeInfo<SessionNameParams> ParamsType => SessionsJsonContext.Default.SessionNameParams;

    protected override async ValueTask<JsonRpcResult> AnswerAsync(SessionNameParams parameters, CancellationToken cancellationToken)
    {
        await SessionTargets.ForEachAsync(silos, parameters.Name, silo => silo.ResumeAsync());
        return JsonRpcResult.Null;
    }
}
