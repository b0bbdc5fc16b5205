namespace TorrentCluster.Gateway.JsonRpc;

/// <summary>
/// Another name a method answers to, with the same params and answer (Porla's <c>sessions.settings.get</c> for
/// <c>sessions.settings.list</c>): one method class, registered once, instead of a twin class for the name.
/// </summary>
public sealed record JsonRpcMethodAlias(string Name, string Target);
