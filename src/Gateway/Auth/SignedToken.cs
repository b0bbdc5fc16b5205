namespace TorrentCluster.Gateway.Auth;

/// <summary>A token's user, the user's stamp when it was issued, and when that was (whole seconds).</summary>
public sealed record SignedToken(string Username, string Stamp, DateTimeOffset IssuedAt);
