using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Plugins;

/// <summary>
/// <c>plugins.list</c>: Porla's answer shape, <c>{"plugins": []}</c>, always empty. Porla's plugins are Lua
/// scripts loaded into its one process; the cluster runs none (see <see cref="NoPlugins"/>), and Porla's Plugins
/// page shows an empty list rather than an error.
/// </summary>
public sealed class PluginsList : JsonRpcMethod<EmptyParams>
{
    public override string Name => "plugins.list";

    public override bool IsReadOnly => true;

    protected override JsonTypeInfo<EmptyParams> ParamsType => PluginsJsonContext.Default.EmptyParams;

    protected override ValueTask<JsonRpcResult> AnswerAsync(EmptyParams parameters, CancellationToken cancellationToken) =>
        ValueTask.FromResult(JsonRpcResult.Of(new PluginsListResult([]), PluginsJsonContext.Default.PluginsListResult));
}

/// <summary>
/// The answer: <c>{ "plugins": [...] }</c>. Its items would be Porla's (<c>can_configure</c>, <c>can_uninstall</c>,
/// <c>name</c>, <c>path</c>, <c>version_info</c>); with no plugins there are none, so none is declared.
/// </summary>
public sealed record PluginsListResult(IReadOnlyList<object> Plugins);
