using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TorrentCluster.Gateway.Auth;

/// <summary>Issues and checks the HS256 JWTs of <c>auth.login</c>, signed with the shared secret.</summary>
public sealed class TokenService(IOptions<AuthOptions> options, TimeProvider clock)
{
    public const string Issuer = "torrentcluster";

    private readonly JsonWebTokenHandler _handler = new();

    // Every call checks a token: the key and the validation rules are made once.
    private readonly Lazy<SymmetricSecurityKey> _key = new(() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.Value.Secret ?? "")));

    public string Issue(string username)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, username)]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.Value.TokenLifetime,
            SigningCredentials = new SigningCredentials(Key(), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>True for a token this cluster signed that has not expired.</summary>
    public async Task<bool> IsValidAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidateAudience = false,
            IssuerSigningKey = Key(),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
            LifetimeValidator = (notBefore, expires, _, _) =>
                expires is { } end && end > clock.GetUtcNow().UtcDateTime && (notBefore is null || notBefore <= clock.GetUtcNow().UtcDateTime.AddSeconds(30)),
        });
        return result.IsValid;
    }

    private SymmetricSecurityKey Key() => _key.Value;
}
