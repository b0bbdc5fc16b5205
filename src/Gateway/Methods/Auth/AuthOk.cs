namespace TorrentCluster.Gateway.Methods.Auth;

/// <summary>Porla's answer of <c>auth.init</c>; ours of <c>auth.logout</c>.</summary>
public sealed record AuthOk(bool Ok);
