using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace TorrentCluster.Gateway.Auth;

/// <summary>A token's user, the user's stamp when it was issued, and when that was (whole seconds).</summary>
public sealed record SignedToken(string Username, string Stamp, DateTimeOffset IssuedAt)
{
    private ClaimsPrincipal? _principal;

    /// <summary>
    /// The caller as <see cref="HttpContext.User"/> names it: made once per checked token and shared by its calls
    /// (nothing changes a principal after authentication), instead of a principal, identity and claim per call.
    /// </summary>
    public ClaimsPrincipal Principal => _principal ??=
        new ClaimsPrincipal(new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, Username)], authenticationType: "Bearer"));

    // The principal is derived from the fields: equality stays theirs.
    public bool Equals(SignedToken? other) =>
        other is not null && Username == other.Username && Stamp == other.Stamp && IssuedAt == other.IssuedAt;

    public override int GetHashCode() => HashCode.Combine(Username, Stamp, IssuedAt);
}
