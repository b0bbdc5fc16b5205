namespace TorrentCluster.Gateway.Auth;

/// <summary>Porla's HTTP answer to a wrong login: <c>{"error": "invalid_auth"}</c> with status 200.</summary>
public sealed record AuthLoginError(string Error);
