using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Plugins;

/// <summary>
/// The one answer of every <c>plugins.*</c> method but <c>plugins.list</c>. Porla runs Lua plugins inside its
/// process with the process's rights; a cluster would have to ship the script to every silo and run it beside
/// grains it cannot see, and an installer of code from a URL is an opening we do not want. Porla's code for an
/// unknown plugin (-1), so a Porla client shows its usual failure, with a message that says why.
/// </summary>
internal static class NoPlugins
{
    public static JsonRpcException Refusal(string method) => new(
        JsonRpcErrorCodes.PluginNotFound,
        "Plugin not found",
        $"{method}: this cluster has no plugins; TorrentCluster does not run Porla's Lua plugins");
}
