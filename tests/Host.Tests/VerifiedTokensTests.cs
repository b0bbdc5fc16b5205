using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using TorrentCluster.Gateway.Auth;
using Xunit;

namespace TorrentCluster.Host.Tests;

/// <summary>
/// Tokens are checked once and remembered, but a remembered token must never outlive its expiry, a token this
/// cluster did not sign must never be remembered, and the memory is bounded.
/// </summary>
public sealed class VerifiedTokensTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_remembered_token_is_refused_once_it_expires()
    {
        var clock = new ManualClock(Start);
        var tokens = new TokenService(Options.Create(new AuthOptions { Secret = new string('k', 48), TokenLifetime = TimeSpan.FromMinutes(10) }), clock);
        var token = tokens.Issue("admin", "stamp-1");

        Assert.Equal("admin", (await tokens.ReadAsync(token))?.Username);
        clock.Now = Start + TimeSpan.FromMinutes(9);
        Assert.Equal("stamp-1", (await tokens.ReadAsync(token))?.Stamp);
        clock.Now = Start + TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1);
        Assert.Null(await tokens.ReadAsync(token));
    }

    [Fact]
    public async Task A_token_signed_with_another_secret_is_refused_every_time()
    {
        var clock = new ManualClock(Start);
        var ours = new TokenService(Options.Create(new AuthOptions { Secret = new string('k', 48) }), clock);
        var foreign = new TokenService(Options.Create(new AuthOptions { Secret = new string('x', 48) }), clock).Issue("admin", "stamp-1");

        Assert.Null(await ours.ReadAsync(foreign));
        Assert.Null(await ours.ReadAsync(foreign));
        Assert.NotNull(await ours.ReadAsync(ours.Issue("admin", "stamp-1")));
    }

    [Fact]
    public void The_memory_holds_at_most_its_capacity()
    {
        var clock = new ManualClock(Start);
        var verified = new VerifiedTokens(clock);
        var claims = new SignedToken("admin", "stamp-1", Start);
        for (var i = 0; i <= VerifiedTokens.Capacity; i++)
        {
            verified.Add($"token-{i}", claims, Start + TimeSpan.FromHours(1));
        }

        // Full at the last add: it started again empty, so the oldest is forgotten and the newest kept.
        Assert.Null(verified.Find("token-0"));
        Assert.NotNull(verified.Find($"token-{VerifiedTokens.Capacity}"));
    }

    [Theory]
    [InlineData("X-Porla-Token", "Bearer ")]
    [InlineData("Authorization", "Bearer ")]
    public async Task A_remembered_token_is_found_where_it_lies_in_its_header_until_it_expires(string header, string prefix)
    {
        var clock = new ManualClock(Start);
        var tokens = new TokenService(Options.Create(new AuthOptions { Secret = new string('k', 48), TokenLifetime = TimeSpan.FromMinutes(10) }), clock);
        var token = tokens.Issue("admin", "stamp-1");
        var request = new DefaultHttpContext().Request;
        request.Headers[header] = prefix + token;

        Assert.Null(tokens.FindVerified(BearerToken.Of(request)));
        var read = await tokens.ReadAsync(BearerToken.From(request)!);
        Assert.Same(read, tokens.FindVerified(BearerToken.Of(request)));
        request.Headers[header] = prefix + token[..^1];
        Assert.Null(tokens.FindVerified(BearerToken.Of(request)));
        request.Headers[header] = prefix + token;
        clock.Now = Start + TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1);
        Assert.Null(tokens.FindVerified(BearerToken.Of(request)));
    }

    [Fact]
    public void A_token_is_taken_from_porlas_header_then_authorization_then_the_cookie()
    {
        var request = new DefaultHttpContext().Request;
        Assert.True(BearerToken.Of(request).IsEmpty);
        Assert.Null(BearerToken.From(request));

        request.Headers.Cookie = $"{BearerToken.CookieName}=from-cookie";
        Assert.Equal("from-cookie", BearerToken.From(request));
        request.Headers.Authorization = "Bearer from-authorization";
        Assert.Equal("from-authorization", BearerToken.Of(request).ToString());
        request.Headers["X-Porla-Token"] = "Bearer from-porla";
        Assert.Equal("from-porla", BearerToken.From(request));
        request.Headers["X-Porla-Token"] = "short";
        Assert.Equal("from-authorization", BearerToken.From(request));
    }

    [Fact]
    public void A_checked_tokens_caller_is_one_principal_shared_by_its_calls_and_names_its_user()
    {
        var signed = new SignedToken("admin", "stamp-1", Start);

        Assert.Same(signed.Principal, signed.Principal);
        Assert.Equal("admin", signed.Principal.FindFirst(JwtRegisteredClaimNames.Sub)?.Value);
        Assert.True(signed.Principal.Identity?.IsAuthenticated);
        Assert.Equal(new SignedToken("admin", "stamp-1", Start), signed);
        Assert.NotEqual(new SignedToken("admin", "stamp-2", Start), signed);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
