namespace TorrentCluster.Gateway.Auth;

/// <summary>The answer of <c>GET /api/v1/system</c>: "setup" or "ok".</summary>
public sealed record SystemStatus(string Status);
