using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Plugins;

/// <summary><c>plugins.install</c>: Porla's method, answered with <see cref="NoPlugins"/>' refusal.</summary>
public sealed class PluginsInstall : JsonRpcMethod<EmptyParams>
{
    public override string Name => "plugins.install";

    protected override JsonTypeInfo<EmptyParams> ParamsType => PluginsJsonContext.Default.EmptyParams;

    protected override ValueTask<JsonRpcResult> AnswerAsync(EmptyParams parameters, CancellationToken cancellationToken) =>
        throw NoPlugins.Refusal(Name);
}
