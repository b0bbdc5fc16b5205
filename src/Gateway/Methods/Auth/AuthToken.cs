namespace TorrentCluster.Gateway.Methods.Auth;

/// <summary>Porla's answer of <c>auth.login</c>; ours of <c>auth.password.set</c>.</summary>
public sealed record AuthToken(string Token);
