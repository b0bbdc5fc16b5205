using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TorrentCluster.Gateway.Auth;

/// <summary>
/// Issues and checks the HS256 JWTs of <c>auth.login</c>, signed with the shared secret. Each token carries its
/// user's stamp at issue time; <see cref="UserStampCache"/> decides whether that stamp is still current.
/// </summary>
public sealed class TokenService(IOptions<AuthOptions> options, TimeProvider clock)
{
    public const string Issuer = "torrentcluster";

    /// <summary>The claim holding the user's stamp: a logout or password change gives the user a new one.</summary>
    public const string StampClaim = "stamp";

    private readonly JsonWebTokenHandler _handler = new();

    // Every call checks a token: the key and the validation rules are made once.
    private readonly Lazy<SymmetricSecurityKey> _key = new(() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.Value.Secret ?? "")));

    private readonly VerifiedTokens _verified = new(clock);

    private TokenValidationParameters? _validation;

    public string Issue(string username, string stamp)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, username), new Claim(StampClaim, stamp)]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.Value.TokenLifetime,
            SigningCredentials = new SigningCredentials(Key(), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>What a token already checked here says while it is unexpired; null when it must be read whole.</summary>
    public SignedToken? FindVerified(ReadOnlySpan<char> token) => _verified.Find(token);

    /// <summary>What a token this cluster signed, unexpired, says; null for any other token.</summary>
    public async ValueTask<SignedToken?> ReadAsync(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (_verified.Find(token) is { } known)
        {
            return known;
        }

        var result = await _handler.ValidateTokenAsync(token, _validation ??= ValidationRules());
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt
            || !jwt.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Sub, out var username) || string.IsNullOrEmpty(username))
        {
            return null;
        }

        // Tokens issued before stamps existed carry none: they match the empty stamp of a user who never had one.
        var stamp = jwt.TryGetPayloadValue<string>(StampClaim, out var value) ? value : string.Empty;
        var signed = new SignedToken(username, stamp, new DateTimeOffset(jwt.IssuedAt, TimeSpan.Zero));
        _verified.Add(token, signed, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero));
        return signed;
    }

    private TokenValidationParameters ValidationRules() => new()
    {
        ValidIssuer = Issuer,
        ValidateAudience = false,
        IssuerSigningKey = Key(),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.FromSeconds(30),
        LifetimeValidator = (notBefore, expires, _, _) =>
            expires is { } end && end > clock.GetUtcNow().UtcDateTime && (notBefore is null || notBefore <= clock.GetUtcNow().UtcDateTime.AddSeconds(30)),
    };

    private SymmetricSecurityKey Key() => _key.Value;
}
